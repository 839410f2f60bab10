package io.pushtech.notifications.infra;

import io.pushtech.notifications.domain.UserState;
import io.pushtech.notifications.infra.NotificationStore.PairRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * What the dispatcher keeps of one user, stored as one MongoDB document: the limit counters and, for each pair
 * recently pushed, the sequence and idempotency key of its last push (so a record read again is recognised). One
 * document per user keeps MongoDB to one read and one write per user and batch. Dispatcher thread only.
 */
final class UserRecord {

    private static final int MAX_PAIRS = 1000;

    UserState state;
    final Map<String, PairRecord> pairs;
    boolean stored;

    UserRecord(UserState state, Map<String, PairRecord> pairs, boolean stored) {
        this.state = state;
        this.pairs = new HashMap<>(pairs);
        this.stored = stored;
    }

    static UserRecord fresh(String userId) {
        return new UserRecord(UserState.fresh(userId), Map.of(), false);
    }

    /** Drops pairs pushed longer than {@code keep} ago, and the oldest beyond a thousand. */
    void prune(Instant now, Duration keep) {
        pairs.values().removeIf(p -> p.at().isBefore(now.minus(keep)));
        if (pairs.size() > MAX_PAIRS) {
            pairs.values().stream()
                    .map(PairRecord::at)
                    .sorted()
                    .skip(pairs.size() - MAX_PAIRS)
                    .findFirst()
                    .ifPresent(cut -> pairs.values().removeIf(p -> p.at().isBefore(cut)));
        }
    }
}
