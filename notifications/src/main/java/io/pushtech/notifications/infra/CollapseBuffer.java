package io.pushtech.notifications.infra;

import io.pushtech.notifications.domain.Delivery;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.kafka.common.TopicPartition;

/**
 * Deliveries held back to be collapsed into one push per user when the user's collapse window ends, with the
 * records they answer for. Dispatcher thread only.
 */
final class CollapseBuffer {

    /** A delivery waiting, and its record. */
    record Held(Delivery delivery, Ticket ticket) {}

    private final Map<String, List<Held>> byUser = new LinkedHashMap<>();
    private final Set<String> ids = new HashSet<>();

    void hold(Delivery delivery, Ticket ticket) {
        byUser.computeIfAbsent(delivery.userId(), u -> new ArrayList<>()).add(new Held(delivery, ticket));
        ids.add(delivery.id());
    }

    boolean holds(Delivery delivery) {
        return ids.contains(delivery.id());
    }

    Set<String> users() {
        return byUser.keySet();
    }

    /** Takes out the deliveries of the users for whom {@code due} holds, by user. */
    Map<String, List<Held>> takeDue(Predicate<String> due) {
        Map<String, List<Held>> taken = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, List<Held>>> it = byUser.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, List<Held>> entry = it.next();
            if (due.test(entry.getKey())) {
                it.remove();
                entry.getValue().forEach(h -> ids.remove(h.delivery().id()));
                taken.put(entry.getKey(), entry.getValue());
            }
        }
        return taken;
    }

    /** Drops the deliveries of a pair (its match ended before the push); returns their records. */
    List<Ticket> cancel(String pair) {
        return remove(h -> h.delivery().match().pair().equals(pair));
    }

    /** Drops the deliveries read from partitions this instance no longer owns. */
    void forget(Collection<TopicPartition> partitions) {
        remove(h -> partitions.contains(h.ticket().partition()));
    }

    private List<Ticket> remove(Predicate<Held> which) {
        List<Ticket> removed = new ArrayList<>();
        for (Iterator<List<Held>> it = byUser.values().iterator(); it.hasNext(); ) {
            List<Held> waiting = it.next();
            waiting.removeIf(h -> {
                if (!which.test(h)) {
                    return false;
                }
                ids.remove(h.delivery().id());
                removed.add(h.ticket());
                return true;
            });
            if (waiting.isEmpty()) {
                it.remove();
            }
        }
        return removed;
    }
}
