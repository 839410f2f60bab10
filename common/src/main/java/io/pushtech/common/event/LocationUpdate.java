package io.pushtech.common.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A value of the compacted {@code locations} topic: where a user (proved by a bearer token; or, without one, a
 * device) was last seen.
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

    /**
     * The location of a location event; empty for any other event. The user is named only when the request proved
     * it ({@link TrackingEvent#verifiedUserId()}): a location moves that user's searches and offers, and anybody can
     * claim a user id. An unproved user's location is its device's.
     */
    public static Optional<LocationUpdate> of(TrackingEvent event) {
        String userId = event.verifiedUserId().orElse(null);
        if (!event.isLocation() || (userId == null && event.deviceId() == null)) {
            return Optional.empty();
        }
        return Optional.of(new LocationUpdate(
                event.id(), userId, event.deviceId(), event.lat(), event.lng(), event.accuracy(), event.ts()));
    }

    /** The topic key: the owner of moving searches and offers is the user, so the user id when there is one. */
    public String key() {
        return userId != null ? userId : deviceId;
    }
}
