package io.pushtech.common;

/** Names of the Redis Streams, before the namespace prefix. */
public final class Streams {

    /** Tracking events accepted by the tracker, drained into Kafka by kafkastore. */
    public static final String EVENTS = "events";

    /** The field of a stream entry that holds the event's JSON. */
    public static final String EVENT_FIELD = "event";

    private Streams() {}
}
