package io.pushtech.common;

/** Names of the Redis Streams, before the namespace prefix. */
public final class Streams {

    /** Tracking events accepted by the tracker, drained into Kafka by kafkastore. */
    public static final String EVENTS = "events";

    /** The field of a stream entry that holds one event's JSON. */
    public static final String EVENT_FIELD = "event";

    /**
     * The field of a stream entry that holds a JSON array of events: the tracker writes the events of one request
     * (or of several requests that arrived together) as one entry, so a batch costs one entry, not one per event.
     */
    public static final String EVENTS_FIELD = "events";

    private Streams() {}
}
