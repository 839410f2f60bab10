package io.pushtech.notifications.domain;

/** One user to tell about one started match, in one role. */
public record Delivery(String userId, Role role, Match match) {

    /** Unique per pair, sequence and role: a pair's sequence is never reused. */
    public String id() {
        return match.pair() + "#" + match.sequence() + "#" + role.code();
    }
}
