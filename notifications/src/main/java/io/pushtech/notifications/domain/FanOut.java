package io.pushtech.notifications.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Groups deliveries that say the same thing into as few pushes as possible: one request can name many recipients
 * (OneSignal takes up to 20 000 external ids), so a new offer matching a hundred searches nearby costs one request,
 * not a hundred. Users targeted by their registered subscription ids go in other requests than users targeted by
 * external id, since a request has one kind of target.
 */
public final class FanOut {

    private final MessageRenderer renderer;
    private final int maxRecipients;

    public FanOut(MessageRenderer renderer, int maxRecipients) {
        this.renderer = renderer;
        this.maxRecipients = maxRecipients;
    }

    public List<Push> group(List<Delivery> deliveries, Predicate<String> bySubscription) {
        record Key(Message message, boolean bySubscription) {}
        Map<Key, List<Delivery>> groups = new LinkedHashMap<>();
        for (Delivery delivery : deliveries) {
            groups.computeIfAbsent(
                            new Key(renderer.single(delivery), bySubscription.test(delivery.userId())),
                            k -> new ArrayList<>())
                    .add(delivery);
        }
        List<Push> pushes = new ArrayList<>();
        groups.forEach((key, members) -> {
            for (int from = 0; from < members.size(); from += maxRecipients) {
                List<Delivery> chunk = members.subList(from, Math.min(members.size(), from + maxRecipients));
                Message message = chunk.size() == 1
                        ? key.message()
                                .withData("searchId", chunk.get(0).match().searchId())
                        : key.message();
                pushes.add(Push.of(message, chunk));
            }
        });
        return pushes;
    }
}
