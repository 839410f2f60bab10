package io.pushtech.kafkastore.domain;

/**
 * A record to produce, before the namespace is applied to its topic.
 *
 * @param topic topic name without namespace (see {@code Topics})
 * @param key partition key, {@code null} for none
 * @param value JSON bytes
 */
public record OutgoingRecord(String topic, String key, byte[] value) {}
