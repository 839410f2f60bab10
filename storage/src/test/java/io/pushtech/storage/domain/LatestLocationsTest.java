package io.pushtech.storage.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.pushtech.common.event.TrackingEvent;
import java.time.Instant;
import java.util.Map;
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
                .extracting(DeviceLocation::deviceId, DeviceLocation::lat)
                .containsExactlyInAnyOrder(tuple("d1", 2.0), tuple("d2", 3.0));
    }

    @Test
    void ignoresEventsThatAreNotLocations() {
        // Given
        LatestLocations latest = new LatestLocations();

        // When
        latest.add(new TrackingEvent("e1", "view", T0, T0, "d1", null, null, null, null, Map.of(), null, null));

        // Then
        assertThat(latest.isEmpty()).isTrue();
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

    private static TrackingEvent location(String id, String deviceId, Instant ts, double lat) {
        return new TrackingEvent(id, "location", ts, ts, deviceId, null, lat, 13.4, null, Map.of(), null, null);
    }

    private static DeviceLocation only(TrackingEvent event) {
        LatestLocations one = new LatestLocations();
        one.add(event);
        return one.values().iterator().next();
    }
}
