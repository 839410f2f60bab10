package io.pushtech.storage.domain;

import io.pushtech.common.event.TrackingEvent;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reduces a batch of events to the newest location of each device, so a burst of pings costs one write
 * per device. Location events arrive out of order (offline batches), so newest means by event time.
 */
public final class LatestLocations {

    private final Map<String, DeviceLocation> latest = new LinkedHashMap<>();

    public void add(TrackingEvent event) {
        if (!event.isLocation() || event.deviceId() == null) {
            return;
        }
        DeviceLocation location = new DeviceLocation(
                event.deviceId(),
                Optional.ofNullable(event.userId()),
                event.lat(),
                event.lng(),
                Optional.ofNullable(event.accuracy()),
                event.ts(),
                event.id());
        latest.merge(location.deviceId(), location, (current, next) -> next.supersedes(current) ? next : current);
    }

    public Collection<DeviceLocation> values() {
        return latest.values();
    }

    public boolean isEmpty() {
        return latest.isEmpty();
    }
}
