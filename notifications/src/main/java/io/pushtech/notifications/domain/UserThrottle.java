package io.pushtech.notifications.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * Decides whether a push to a user goes out now, waits to be collapsed with the next ones, or is not sent: quiet
 * hours in the user's time zone, at most N pushes an hour, and at most one push per collapse window (the first
 * match of a quiet period goes out at once, the ones after it wait for the window's end and leave as one push).
 */
public final class UserThrottle {

    /** What to do with a user's next push. */
    public enum Verdict {
        SEND,
        COLLAPSE,
        QUIET_HOURS,
        HOURLY_LIMIT
    }

    private final Duration collapseWindow;
    private final int maxPerHour;

    public UserThrottle(Duration collapseWindow, int maxPerHour) {
        this.collapseWindow = collapseWindow;
        this.maxPerHour = maxPerHour;
    }

    public Verdict decide(UserState state, Preferences preferences, Instant now) {
        if (preferences.quietHours().isPresent()
                && preferences.quietHours().get().contains(now, preferences.timeZone())) {
            return Verdict.QUIET_HOURS;
        }
        if (now.isBefore(collapseUntil(state))) {
            return Verdict.COLLAPSE;
        }
        int limit = Math.min(maxPerHour, preferences.maxPerHour().orElse(maxPerHour));
        return state.pushesInHourAt(now) >= limit ? Verdict.HOURLY_LIMIT : Verdict.SEND;
    }

    /** When pushes held back for collapsing may leave. */
    public Instant collapseUntil(UserState state) {
        return state.lastPushAt().map(t -> t.plus(collapseWindow)).orElse(Instant.EPOCH);
    }
}
