package io.pushtech.notifications.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the text and deep-link data of pushes. Distances are given in bands ("less than 1 km away") rather than
 * to the metre, so one new offer announced to many people nearby reads the same for all and fans out as one
 * request.
 */
public final class MessageRenderer {

    private static final int MAX_TITLE = 60;
    private static final int LISTED_TITLES = 2;
    private static final int MAX_LINKS = 20;
    private static final int[] BANDS_METRES = {100, 500, 1000, 2000, 5000, 10_000};

    /** The message of one match, without the search id (added when the push has one recipient). */
    public Message single(Delivery delivery) {
        Match match = delivery.match();
        String title = shorten(match.offerTitle());
        String away = band(match.distance()) + " away";
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("kind", "match");
        data.put("role", delivery.role().code());
        data.put("offerId", match.offerId());
        if (delivery.role() == Role.SEARCHER) {
            String price = match.price()
                    .map(p -> " · " + formatAmount(p.amount()) + " " + p.currency())
                    .orElse("");
            return new Message("New offer near you: " + title, title + price + ", " + away, data);
        }
        String wanted = match.keywords().isBlank() ? match.searchCategory().orElse("something") : match.keywords();
        return new Message(
                "Someone nearby is looking for " + shorten(wanted),
                "Your offer \"" + title + "\" matches a search " + away,
                data);
    }

    /** One push for several matches of one user, collapsed: "3 new offers near you". */
    public Message collapsed(List<Delivery> deliveries) {
        if (deliveries.size() == 1) {
            return single(deliveries.get(0))
                    .withData("searchId", deliveries.get(0).match().searchId());
        }
        boolean allSearcher = deliveries.stream().allMatch(d -> d.role() == Role.SEARCHER);
        boolean allOfferer = deliveries.stream().allMatch(d -> d.role() == Role.OFFERER);
        int count = deliveries.size();
        String heading = allSearcher
                ? count + " new offers near you"
                : allOfferer ? count + " new matches for your offers" : count + " new matches near you";
        List<String> titles = deliveries.stream()
                .map(d -> shorten(d.match().offerTitle()))
                .distinct()
                .toList();
        String content = titles.size() <= LISTED_TITLES
                ? String.join(", ", titles)
                : String.join(", ", titles.subList(0, LISTED_TITLES)) + " and " + (titles.size() - LISTED_TITLES)
                        + " more";
        List<Map<String, Object>> links = new ArrayList<>();
        for (Delivery d : deliveries.subList(0, Math.min(MAX_LINKS, count))) {
            links.add(Map.of(
                    "searchId",
                    d.match().searchId(),
                    "offerId",
                    d.match().offerId(),
                    "role",
                    d.role().code()));
        }
        return new Message(heading, content, Map.of("kind", "matches", "count", count, "matches", links));
    }

    static String band(double metres) {
        for (int limit : BANDS_METRES) {
            if (metres < limit) {
                return "less than " + (limit < 1000 ? limit + " m" : limit / 1000 + " km");
            }
        }
        return "about " + Math.round(metres / 1000) + " km";
    }

    private static String shorten(String text) {
        String stripped = text.strip();
        return stripped.length() <= MAX_TITLE ? stripped : stripped.substring(0, MAX_TITLE - 1) + "…";
    }

    private static String formatAmount(double amount) {
        return amount == Math.rint(amount) ? Long.toString((long) amount) : String.format(Locale.ROOT, "%.2f", amount);
    }
}
