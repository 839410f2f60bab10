package io.pushtech.notifications.domain;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * A user's device mapping and notification preferences.
 *
 * @param subscriptionIds OneSignal subscription ids registered for the user; empty: target the user by external id
 * @param push {@code false} turns pushes off (the website still receives matches)
 * @param notifyAsOfferer also push when someone's search matches one of the user's offers
 * @param maxPerHour the user's own lower hourly limit, if any
 */
public record Preferences(
        String userId,
        List<String> subscriptionIds,
        ZoneId timeZone,
        Optional<QuietHours> quietHours,
        boolean push,
        boolean notifyAsOfferer,
        Optional<Integer> maxPerHour) {

    public static final int MAX_SUBSCRIPTIONS = 20;
    /** One instance for every user without preferences: {@code ZoneId.of} builds new rules for "UTC" each time. */
    private static final ZoneId UTC = ZoneId.of("UTC");

    public Preferences {
        subscriptionIds = List.copyOf(subscriptionIds);
        if (subscriptionIds.size() > MAX_SUBSCRIPTIONS) {
            throw new IllegalArgumentException("at most " + MAX_SUBSCRIPTIONS + " subscription ids per user");
        }
    }

    /** What a user who never registered anything gets: pushes as a searcher, no quiet hours, UTC. */
    public static Preferences defaults(String userId) {
        return new Preferences(userId, List.of(), UTC, Optional.empty(), true, false, Optional.empty());
    }

    public Preferences withSubscriptions(List<String> ids) {
        return new Preferences(userId, ids, timeZone, quietHours, push, notifyAsOfferer, maxPerHour);
    }

    public boolean wants(Role role) {
        return push && (role == Role.SEARCHER || notifyAsOfferer);
    }
}
