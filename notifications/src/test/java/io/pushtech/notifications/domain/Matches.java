package io.pushtech.notifications.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Match records for tests. */
final class Matches {

    private Matches() {}

    static Match started(String searchId, String offerId, String searcher, double distance) {
        return new Match(
                true,
                searchId,
                offerId,
                distance,
                "created",
                1,
                Instant.parse("2026-11-24T10:00:00Z"),
                searcher,
                "offerer",
                "red bike",
                Optional.of("bikes"),
                "Red bike " + offerId,
                "bikes",
                Optional.of(new Match.Price(120, "EUR")),
                List.of());
    }
}
