package io.pushtech.storage.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which pairs match now, in both directions, and each pair's event sequence number. Not thread-safe.
 * Sequence numbers of ended pairs are kept so that a pair that matches again continues its sequence.
 * Every change is also noted until {@link #drainChanges()}, so a caller can store the changed pairs.
 */
final class PairStates {

    private final Map<String, Map<String, Double>> offersBySearch = new HashMap<>();
    private final Map<String, Set<String>> searchesByOffer = new HashMap<>();
    private final Map<String, Long> sequences = new HashMap<>();
    private final Map<String, PairState> changed = new LinkedHashMap<>();

    boolean matched(String searchId, String offerId) {
        return offersBySearch.getOrDefault(searchId, Map.of()).containsKey(offerId);
    }

    /** The offers matched with a search and the distance at the last evaluation of each pair. */
    Map<String, Double> offersOf(String searchId) {
        return Collections.unmodifiableMap(offersBySearch.getOrDefault(searchId, Map.of()));
    }

    Set<String> searchesOf(String offerId) {
        return Collections.unmodifiableSet(searchesByOffer.getOrDefault(offerId, Set.of()));
    }

    long start(String searchId, String offerId, double distance) {
        link(searchId, offerId, distance);
        long sequence = nextSequence(searchId, offerId);
        noteChange(searchId, offerId);
        return sequence;
    }

    long end(String searchId, String offerId) {
        unlink(searchId, offerId);
        long sequence = nextSequence(searchId, offerId);
        noteChange(searchId, offerId);
        return sequence;
    }

    void updateDistance(String searchId, String offerId, double distance) {
        Map<String, Double> offers = offersBySearch.get(searchId);
        Double before = offers.put(offerId, distance);
        if (before == null || before != distance) {
            noteChange(searchId, offerId);
        }
    }

    /** Takes a stored pair state as it is (at start, before any change is applied). */
    void restore(PairState state) {
        if (matched(state.searchId(), state.offerId())) {
            unlink(state.searchId(), state.offerId());
        }
        if (state.matched()) {
            link(state.searchId(), state.offerId(), state.distance());
        }
        sequences.put(state.key(), state.sequence());
    }

    /**
     * After a silent rebuild from the log, makes each pair's sequence continue from the stored one: never
     * below it, and one above it when the rebuilt state differs from the stored one (its event was not
     * published, so that number is skipped rather than reused).
     */
    void continueFrom(PairState stored) {
        long rebuilt = sequences.getOrDefault(stored.key(), 0L);
        boolean differs = matched(stored.searchId(), stored.offerId()) != stored.matched();
        long floor = differs ? stored.sequence() + 1 : stored.sequence();
        if (floor > rebuilt) {
            sequences.put(stored.key(), floor);
        }
    }

    /** Every pair ever seen, as it is now. */
    List<PairState> all() {
        List<PairState> states = new ArrayList<>();
        for (String key : sequences.keySet()) {
            int bar = key.indexOf('|');
            states.add(state(key.substring(0, bar), key.substring(bar + 1)));
        }
        return states;
    }

    /** The pairs changed since the last call, as they are now. */
    Collection<PairState> drainChanges() {
        List<PairState> states = List.copyOf(changed.values());
        changed.clear();
        return states;
    }

    int size() {
        return sequences.size();
    }

    private void noteChange(String searchId, String offerId) {
        changed.put(PairState.key(searchId, offerId), state(searchId, offerId));
    }

    private PairState state(String searchId, String offerId) {
        Double distance = offersBySearch.getOrDefault(searchId, Map.of()).get(offerId);
        return new PairState(
                searchId,
                offerId,
                distance != null,
                distance == null ? 0 : distance,
                sequences.getOrDefault(PairState.key(searchId, offerId), 0L));
    }

    private void link(String searchId, String offerId, double distance) {
        offersBySearch.computeIfAbsent(searchId, id -> new HashMap<>()).put(offerId, distance);
        searchesByOffer.computeIfAbsent(offerId, id -> new HashSet<>()).add(searchId);
    }

    private void unlink(String searchId, String offerId) {
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
    }

    private long nextSequence(String searchId, String offerId) {
        return sequences.merge(PairState.key(searchId, offerId), 1L, Long::sum);
    }
}
