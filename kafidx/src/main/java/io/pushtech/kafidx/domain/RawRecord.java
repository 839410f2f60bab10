package io.pushtech.kafidx.domain;

import java.util.Optional;

/**
 * A record as read from a topic, before masking.
 *
 * @param topic the topic's name without the namespace prefix
 */
public record RawRecord(
        String topic, int partition, long offset, long timestampMillis, Optional<String> key, byte[] value) {}
