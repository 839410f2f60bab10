package io.pushtech.notifications.infra;

import io.pushtech.notifications.domain.UserState;
import io.pushtech.notifications.infra.NotificationStore.PairRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What the dispatcher keeps of one user, stored as one MongoDB document: the limit counters and, for each pair
 * recently pushed, the sequence and idempotency key of its last push (so a record read again is recognised). One
 * document per user keeps MongoDB to one read and one write per user and batch. It remembers which pairs changed
 * since it was stored, so a write touches only those and keeps the pairs another instance wrote meanwhile.
 * Dispatcher thread only.
 */
final class UserRecord {

    private static final int MAX_PAIRS = 1000;

    UserState state;
    private final Map<String, PairRecord> pairs;
    private final Set<String> changedPairs = new HashSet<>();
    private final Set<String> droppedPairs = new HashSet<>();
    boolean stored;

    UserRecord(UserState state, Map<String, PairRecord> pairs, boolean stored) {
        this.state = state;
        this.pairs = new HashMap<>(pairs);
        this.stored = stored;
    }

    static UserRecord fresh(String userId) {
        return new UserRecord(UserState.fresh(userId), Map.of(), false);
    }

    Optional<PairRecord> pair(String pair) {
        return Optional.ofNullable(pairs.get(pair));
    }

    void record(PairRecord pair) {
        pairs.put(pair.pair(), pair);
        changedPairs.add(pair.pair());
        droppedPairs.remove(pair.pair());
    }

    /** Drops pairs pushed longer than {@code keep} ago, and the oldest beyond a thousand. */
    void prune(Instant now, Duration keep) {
        dropIf(p -> p.at().isBefore(now.minus(keep)));
        if (pairs.size() > MAX_PAIRS) {
            pairs.values().stream()
                    .map(PairRecord::at)
                    .sorted()
                    .skip(pairs.size() - MAX_PAIRS)
                    .findFirst()
                    .ifPresent(cut -> dropIf(p -> p.at().isBefore(cut)));
        }
    }

    Collection<PairRecord> pairs() {
        return pairs.values();
    }

    /** The pairs recorded since the last {@link #markStored()}. */
    List<PairRecord> changedPairs() {
        return changedPairs.stream().map(pairs::get).toList();
    }

    /** The pairs dropped since the last {@link #markStored()}. */
    Set<String> droppedPairs() {
        return Set.copyOf(droppedPairs);
    }

    void markStored() {
        stored = true;
        changedPairs.clear();
        droppedPairs.clear();
    }

    private void dropIf(Predicate<PairRecord> old) {
        for (Iterator<PairRecord> it = pairs.values().iterator(); it.hasNext(); ) {
            PairRecord pair = it.next();
            if (old.test(pair)) {
                it.remove();
                changedPairs.remove(pair.pair());
                droppedPairs.add(pair.pair());
            }
        }
    }
}
