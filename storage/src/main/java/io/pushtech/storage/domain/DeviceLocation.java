package io.pushtech.storage.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * The latest known position of a device or of a user (the position of whichever of their devices
 * reported last).
 *
 * @param id the device or user id it is looked up by
 * @param ts when the device was there (the event's time, not when it was received)
 * @param eventId the event that reported it
 */
public record DeviceLocation(
        String id,
        Optional<String> deviceId,
        Optional<String> userId,
        double lat,
        double lng,
        Optional<Double> accuracy,
        Instant ts,
        String eventId) {

    /** Whether this position should replace {@code current}: it is later, or as late but from a later event. */
    public boolean supersedes(DeviceLocation current) {
        int byTime = ts.compareTo(current.ts());
        return byTime > 0 || (byTime == 0 && eventId.compareTo(current.eventId()) > 0);
    }
}
