package io.pushtech.storage.domain;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Which pairs match now, in both directions, and each pair's event sequence number. Not thread-safe.
 * Sequence numbers of ended pairs are kept so that a pair that matches again continues its sequence.
 */
final class PairStates {

    private final Map<String, Map<String, Double>> offersBySearch = new HashMap<>();
    private final Map<String, Set<String>> searchesByOffer = new HashMap<>();
    private final Map<String, Long> sequences = new HashMap<>();

    boolean matched(String searchId, String offerId) {
        return offersBySearch.getOrDefault(searchId, Map.of()).containsKey(offerId);
    }

    /** The offers matched with a search and the distance at the last event of each pair. */
    Map<String, Double> offersOf(String searchId) {
        return Collections.unmodifiableMap(offersBySearch.getOrDefault(searchId, Map.of()));
    }

    Set<String> searchesOf(String offerId) {
        return Collections.unmodifiableSet(searchesByOffer.getOrDefault(offerId, Set.of()));
    }

    long start(String searchId, String offerId, double distance) {
        offersBySearch.computeIfAbsent(searchId, id -> new HashMap<>()).put(offerId, distance);
        searchesByOffer.computeIfAbsent(offerId, id -> new HashSet<>()).add(searchId);
        return nextSequence(searchId, offerId);
    }

    long end(String searchId, String offerId) {
        Map<String, Double> offers = offersBySearch.get(searchId);
        offers.remove(offerId);
        if (offers.isEmpty()) {
            offersBySearch.remove(searchId);
        }
        Set<String> searches = searchesByOffer.get(offerId);
        searches.remove(searchId);
        if (searches.isEmpty()) {
            searchesByOffer.remove(offerId);
        }
        return nextSequence(searchId, offerId);
    }

    void updateDistance(String searchId, String offerId, double distance) {
        offersBySearch.get(searchId).put(offerId, distance);
    }

    int size() {
        return sequences.size();
    }

    private long nextSequence(String searchId, String offerId) {
        return sequences.merge(searchId + "|" + offerId, 1L, Long::sum);
    }
}
