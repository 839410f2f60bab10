package io.pushtech.kafkastore.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.pushtech.common.event.TrackingEvent;
import java.time.Instant;
import java.util.Map;

/**
 * The value of the {@code events} topic: a tracking event as the tracker accepted it, with the same field names
 * (a reader of {@link TrackingEvent} reads it), plus {@code schemaVersion}, {@code geo} and {@code device}. The
 * {@code ip} is the anonymized address and {@code props} are filtered by the deny-list. Its JSON Schema is
 * {@code kafkastore/src/main/resources/schema/enriched-event.v1.json}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"schemaVersion", "id", "type", "ts", "receivedAt", "deviceId", "userId", "userVerified"})
public record EnrichedEvent(
        int schemaVersion,
        String id,
        String type,
        Instant ts,
        Instant receivedAt,
        String deviceId,
        String userId,
        Boolean userVerified,
        Double lat,
        Double lng,
        Double accuracy,
        Map<String, Object> props,
        String ip,
        String userAgent,
        Instant clientTs,
        Geo geo,
        Device device) {

    public static final int SCHEMA_VERSION = 1;
}
