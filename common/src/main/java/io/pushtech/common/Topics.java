package io.pushtech.common;

/** Names of the Kafka topics, before the namespace prefix (see ARCHITECTURE.md, "Kafka topics"). */
public final class Topics {

    public static final String EVENTS = "events";
    public static final String EVENTS_REJECTED = "events.rejected";
    public static final String SEARCHES = "searches";
    public static final String OFFERS = "offers";
    public static final String LOCATIONS = "locations";
    public static final String MATCHES = "matches";
    public static final String NOTIFICATIONS_FAILED = "notifications.failed";

    private Topics() {}
}
