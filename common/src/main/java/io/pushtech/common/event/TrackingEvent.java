package io.pushtech.common.event;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A tracking event as it travels from the tracker to Kafka: what the client sent plus what the tracker
 * added (id, receive time, client address and user agent). Absent optional fields are {@code null} in
 * this wire record and omitted from its JSON.
 *
 * @param id the client's {@code eventId} when it sent one (so a re-sent batch is recognisable), else a UUIDv7
 * @param ts when the event happened, corrected for the client's clock skew when that was large
 * @param props the client's properties: JSON values (strings, numbers, booleans, nested objects and arrays)
 * @param clientTs the time as the client sent it, when {@code ts} was corrected for clock skew
 * @param userVerified {@code true} when the request proved {@code userId} with a bearer token of that user;
 *     {@code null} when it is only what the client claimed (or there is no user)
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
        Instant clientTs,
        Boolean userVerified) {

    public static final String LOCATION = "location";

    public TrackingEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(ts, "ts");
        Objects.requireNonNull(receivedAt, "receivedAt");
        props = props == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(props));
    }

    /** An event of a user it did not prove. */
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
            String userAgent,
            Instant clientTs) {
        this(id, type, ts, receivedAt, deviceId, userId, lat, lng, accuracy, props, ip, userAgent, clientTs, null);
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
        this(id, type, ts, receivedAt, deviceId, userId, lat, lng, accuracy, props, ip, userAgent, null, null);
    }

    @JsonIgnore
    public boolean isLocation() {
        return LOCATION.equals(type) && lat != null && lng != null;
    }

    /** The user, when the request proved it: the only one whose searches and offers this event may move. */
    public Optional<String> verifiedUserId() {
        return Boolean.TRUE.equals(userVerified) ? Optional.ofNullable(userId) : Optional.empty();
    }

    /** The Kafka key: events of one device (or, without a device, one user) stay in order. */
    public String partitionKey() {
        return deviceId != null ? deviceId : userId;
    }
}
