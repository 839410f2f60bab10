package io.pushtech.common.event;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A tracking event as it travels from the tracker to Kafka: what the client sent plus what the tracker
 * added (id, receive time, client address and user agent). Absent optional fields are {@code null} in
 * this wire record and omitted from its JSON.
 *
 * @param id the client's {@code eventId} when it sent one (so a re-sent batch is recognisable), else a UUIDv7
 * @param ts when the event happened, corrected for the client's clock skew when that was large
 * @param props the client's properties: JSON values (strings, numbers, booleans, nested objects and arrays)
 * @param clientTs the time as the client sent it, when {@code ts} was corrected for clock skew
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrackingEvent(
        String id,
        String type,
        Instant ts,
        Instant receivedAt,
        String deviceId,
        String userId,
        Double lat,
        Double lng,
        Double accuracy,
        Map<String, Object> props,
        String ip,
        String userAgent,
        Instant clientTs) {

    public static final String LOCATION = "location";

    public TrackingEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(ts, "ts");
        Objects.requireNonNull(receivedAt, "receivedAt");
        props = props == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(props));
    }

    /** An event whose time was not corrected for clock skew. */
    public TrackingEvent(
            String id,
            String type,
            Instant ts,
            Instant receivedAt,
            String deviceId,
            String userId,
            Double lat,
            Double lng,
            Double accuracy,
            Map<String, Object> props,
            String ip,
            String userAgent) {
        this(id, type, ts, receivedAt, deviceId, userId, lat, lng, accuracy, props, ip, userAgent, null);
    }

    @JsonIgnore
    public boolean isLocation() {
        return LOCATION.equals(type) && lat != null && lng != null;
    }

    /** The Kafka key: events of one device (or, without a device, one user) stay in order. */
    public String partitionKey() {
        return deviceId != null ? deviceId : userId;
    }
}
