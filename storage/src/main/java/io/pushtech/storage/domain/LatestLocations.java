package io.pushtech.storage.domain;

import io.pushtech.common.event.LocationUpdate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reduces a batch of location updates to the newest location of each device and of each user, so a burst
 * of pings costs one write per id. Updates arrive out of order (offline batches), so newest means by
 * event time.
 */
public final class LatestLocations {

    private final Map<String, DeviceLocation> latest = new LinkedHashMap<>();

    public void add(LocationUpdate update) {
        for (String id : new String[] {update.deviceId(), update.userId()}) {
            if (id == null) {
                continue;
            }
            DeviceLocation location = new DeviceLocation(
                    id,
                    Optional.ofNullable(update.deviceId()),
                    Optional.ofNullable(update.userId()),
                    update.lat(),
                    update.lng(),
                    Optional.ofNullable(update.accuracy()),
                    update.ts(),
                    update.eventId());
            latest.merge(id, location, (current, next) -> next.supersedes(current) ? next : current);
        }
    }

    public Collection<DeviceLocation> values() {
        return latest.values();
    }

    public boolean isEmpty() {
        return latest.isEmpty();
    }
}
