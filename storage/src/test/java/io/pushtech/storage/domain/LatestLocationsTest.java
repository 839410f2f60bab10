package io.pushtech.storage.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.pushtech.common.event.LocationUpdate;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LatestLocationsTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void keepsTheNewestLocationOfEachDeviceByEventTime() {
        // Given
        LatestLocations latest = new LatestLocations();

        // When
        latest.add(location("e2", "d1", T0.plusSeconds(10), 2));
        latest.add(location("e1", "d1", T0, 1));
        latest.add(location("e3", "d2", T0, 3));

        // Then
        assertThat(latest.values())
                .extracting(DeviceLocation::id, DeviceLocation::lat)
                .containsExactlyInAnyOrder(tuple("d1", 2.0), tuple("d2", 3.0));
    }

    @Test
    void keepsTheNewestLocationOfAUserAcrossTheirDevices() {
        // Given
        LatestLocations latest = new LatestLocations();

        // When
        latest.add(new LocationUpdate("e1", "u1", "phone", 1, 13.4, null, T0.plusSeconds(10)));
        latest.add(new LocationUpdate("e2", "u1", "tablet", 2, 13.4, null, T0));

        // Then
        assertThat(latest.values())
                .extracting(DeviceLocation::id, DeviceLocation::lat)
                .containsExactlyInAnyOrder(tuple("phone", 1.0), tuple("tablet", 2.0), tuple("u1", 1.0));
    }

    @Test
    void sameTimeIsDecidedByTheLaterEventId() {
        // Given
        DeviceLocation earlier = only(location("0193-a", "d1", T0, 1));
        DeviceLocation later = only(location("0193-b", "d1", T0, 2));

        // Then
        assertThat(later.supersedes(earlier)).isTrue();
        assertThat(earlier.supersedes(later)).isFalse();
        assertThat(earlier.supersedes(earlier)).isFalse();
    }

    private static LocationUpdate location(String id, String deviceId, Instant ts, double lat) {
        return new LocationUpdate(id, null, deviceId, lat, 13.4, null, ts);
    }

    private static DeviceLocation only(LocationUpdate update) {
        LatestLocations one = new LatestLocations();
        one.add(update);
        return one.values().iterator().next();
    }
}
