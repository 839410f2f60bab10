package io.pushtech.common;

/** Names of the Redis Streams, before the namespace prefix. */
public final class Streams {

    /** Tracking events accepted by the tracker, drained into Kafka by kafkastore. */
    public static final String EVENTS = "events";

    /** The field of a stream entry that holds one event's JSON. */
    public static final String EVENT_FIELD = "event";

    /**
     * The field of a stream entry that holds several events: the tracker writes the events of one request (or of
     * several requests that arrived together) as one entry, so a batch costs one entry, not one per event. Its value
     * is either a JSON array of events, or an object whose {@link #REQUESTS} holds the events by request, each
     * request a {@link io.pushtech.common.event.RequestEvents}: what the tracker writes, as it stores what it adds
     * to every event of a request once.
     */
    public static final String EVENTS_FIELD = "events";

    /** In an {@link #EVENTS_FIELD} object, the array of requests. */
    public static final String REQUESTS = "requests";

    private Streams() {}
}
