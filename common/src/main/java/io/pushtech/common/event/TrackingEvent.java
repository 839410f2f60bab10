package io.pushtech.common.event;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A tracking event as it travels from the tracker to Kafka: what the client sent plus what the tracker
 * added (id, receive time, client address and user agent). Absent optional fields are {@code null} in
 * this wire record and omitted from its JSON.
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
        Map<String, String> props,
        String ip,
        String userAgent) {

    public static final String LOCATION = "location";

    public TrackingEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(ts, "ts");
        Objects.requireNonNull(receivedAt, "receivedAt");
        props = props == null ? Map.of() : Map.copyOf(props);
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
