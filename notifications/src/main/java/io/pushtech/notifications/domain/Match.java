package io.pushtech.notifications.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A record of the {@code matches} topic as notifications reads it: a search and an offer that started or ended
 * matching, with the two items' summaries as they were at the event.
 *
 * @param started {@code true} for match started, {@code false} for match ended
 * @param sequence the pair's event counter; storage never reuses one for the same pair
 * @param distance metres between the two items
 */
public record Match(
        boolean started,
        String searchId,
        String offerId,
        double distance,
        String reason,
        long sequence,
        Instant ts,
        String searcherId,
        String offererId,
        String keywords,
        Optional<String> searchCategory,
        String offerTitle,
        String offerCategory,
        Optional<Price> price,
        List<String> imageIds) {

    public Match {
        Objects.requireNonNull(searchId, "searchId");
        Objects.requireNonNull(offerId, "offerId");
        Objects.requireNonNull(searcherId, "search.ownerId");
        Objects.requireNonNull(offererId, "offer.ownerId");
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence must be at least 1");
        }
        keywords = keywords == null ? "" : keywords;
        offerTitle = offerTitle == null ? "" : offerTitle;
        offerCategory = offerCategory == null ? "" : offerCategory;
        imageIds = List.copyOf(imageIds);
    }

    /** The pair's key, as on the topic: {@code <searchId>|<offerId>}. */
    public String pair() {
        return searchId + "|" + offerId;
    }

    /** The user this match concerns in {@code role}. */
    public String userIn(Role role) {
        return role == Role.SEARCHER ? searcherId : offererId;
    }

    /** An offer's price. */
    public record Price(double amount, String currency) {}
}
