package io.pushtech.storage.domain;

/**
 * A match started or ended between a search and an offer (a record of the {@code matches} topic), with
 * both items as they were when it happened.
 *
 * @param sequence per pair, 1 for its first event, growing by one with each event of the pair
 * @param distance metres between the two centers when the event happened
 */
public record MatchEvent(Type type, Search search, Offer offer, double distance, Reason reason, long sequence) {

    public enum Type {
        STARTED,
        ENDED
    }

    /** What made the pair start or end. */
    public enum Reason {
        CREATED,
        MOVED,
        UPDATED,
        EXPIRED,
        DELETED
    }

    public String searchId() {
        return search.id();
    }

    public String offerId() {
        return offer.id();
    }

    public GeoPoint searchLocation() {
        return search.region().center();
    }

    public GeoPoint offerLocation() {
        return offer.region().center();
    }

    /** The topic key of a pair. */
    public String pairKey() {
        return searchId() + "|" + offerId();
    }
}
