package io.pushtech.storage.domain;

/**
 * What is known of a pair of a search and an offer: whether it matches now, the distance at its last
 * evaluation (while it matches) and the sequence number of its last event (0 before any). Stored so that
 * a restarted instance continues each pair's sequence instead of reusing a number.
 */
public record PairState(String searchId, String offerId, boolean matched, double distance, long sequence) {

    public String key() {
        return key(searchId, offerId);
    }

    public static String key(String searchId, String offerId) {
        return searchId + "|" + offerId;
    }
}
