package io.pushtech.kafkastore.domain;

import java.util.Optional;

/**
 * A record to produce, before the namespace is applied to its topic.
 *
 * @param topic topic name without namespace (see {@code Topics})
 * @param key partition key, {@code null} for none
 * @param value JSON bytes
 * @param rejectReason why the entry was rejected, for records of {@code events.rejected}; {@code null} otherwise
 */
public record OutgoingRecord(String topic, String key, byte[] value, RejectReason rejectReason) {

    public OutgoingRecord(String topic, String key, byte[] value) {
        this(topic, key, value, null);
    }

    public Optional<RejectReason> rejected() {
        return Optional.ofNullable(rejectReason);
    }
}
