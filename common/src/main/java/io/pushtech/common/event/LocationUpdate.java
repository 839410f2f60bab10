package io.pushtech.common.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A value of the compacted {@code locations} topic: where a user (or, without a user, a device) was last seen.
 * Keyed by {@link #key()}, so compaction keeps the latest position of each. Absent optional fields are
 * {@code null} in this wire record and omitted from its JSON.
 *
 * @param eventId the tracking event that reported the position
 * @param ts when the device was there (event time)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LocationUpdate(
        String eventId, String userId, String deviceId, double lat, double lng, Double accuracy, Instant ts) {

    public LocationUpdate {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(ts, "ts");
        if (userId == null && deviceId == null) {
            throw new IllegalArgumentException("a location update needs a userId or a deviceId");
        }
    }

    /** The location of a location event; empty for any other event. */
    public static Optional<LocationUpdate> of(TrackingEvent event) {
        if (!event.isLocation() || event.partitionKey() == null) {
            return Optional.empty();
        }
        return Optional.of(new LocationUpdate(
                event.id(), event.userId(), event.deviceId(), event.lat(), event.lng(), event.accuracy(), event.ts()));
    }

    /** The topic key: the owner of moving searches and offers is the user, so the user id when there is one. */
    public String key() {
        return userId != null ? userId : deviceId;
    }
}
