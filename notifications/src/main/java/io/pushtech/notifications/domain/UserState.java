package io.pushtech.notifications.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What the limits need to remember of a user: when the last push went out, and how many pushes the current hour
 * (which starts at its first push) has seen.
 */
public record UserState(String userId, Optional<Instant> lastPushAt, Instant hourStart, int pushesInHour) {

    static final Duration HOUR = Duration.ofHours(1);

    public static UserState fresh(String userId) {
        return new UserState(userId, Optional.empty(), Instant.EPOCH, 0);
    }

    /** Pushes sent in the hour that contains {@code now}. */
    public int pushesInHourAt(Instant now) {
        return now.isBefore(hourStart.plus(HOUR)) ? pushesInHour : 0;
    }

    /**
     * This state and {@code other} (the same user's, seen elsewhere or earlier) taken together: the later last push,
     * and the later hour's count (the higher count for the same hour). Order and repetition do not change the result,
     * so replaying a journal twice or in any order gives the same state.
     */
    public UserState merge(UserState other) {
        Optional<Instant> last = lastPushAt.isEmpty()
                ? other.lastPushAt
                : other.lastPushAt.filter(t -> t.isAfter(lastPushAt.get())).or(() -> lastPushAt);
        int order = hourStart.compareTo(other.hourStart);
        Instant hour = order >= 0 ? hourStart : other.hourStart;
        int pushes =
                order > 0 ? pushesInHour : order < 0 ? other.pushesInHour : Math.max(pushesInHour, other.pushesInHour);
        return new UserState(userId, last, hour, pushes);
    }

    public UserState afterPush(Instant now) {
        boolean sameHour = now.isBefore(hourStart.plus(HOUR));
        return new UserState(userId, Optional.of(now), sameHour ? hourStart : now, sameHour ? pushesInHour + 1 : 1);
    }
}
