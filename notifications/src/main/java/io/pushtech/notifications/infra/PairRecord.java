package io.pushtech.notifications.infra;

import java.time.Instant;
import java.util.UUID;

/**
 * The last push of a pair to one of its users: the pair's sequence it announced, its idempotency key, the outbox page
 * that holds its body, when, and the {@code matches} partition the pair lives on (a pair's records all go to one
 * partition, so its record belongs to whichever instance owns that partition).
 */
record PairRecord(String userId, String pair, int partition, long sequence, UUID key, String page, Instant at) {

    /** The record's identity: a user and a pair (a user can be both the searcher and the offerer of a pair). */
    String id() {
        return id(userId, pair);
    }

    static String id(String userId, String pair) {
        return pair + "@" + userId;
    }

    /** The newer of this record and {@code other} of the same id; replaying a record twice changes nothing. */
    PairRecord newer(PairRecord other) {
        if (other.sequence != sequence) {
            return other.sequence > sequence ? other : this;
        }
        return other.at.isAfter(at) ? other : this;
    }
}
