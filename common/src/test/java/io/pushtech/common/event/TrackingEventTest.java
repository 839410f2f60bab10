package io.pushtech.common.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.pushtech.common.Json;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrackingEventTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void jsonHasTheEventFieldsOnly() {
        // Given
        TrackingEvent event =
                new TrackingEvent("id-1", "location", T0, T0, "d1", null, 1.5, 2.5, null, Map.of(), null, null);

        // When
        JsonObject json = new JsonObject(Json.toText(event));

        // Then
        assertThat(json.fieldNames())
                .containsExactlyInAnyOrder("id", "type", "ts", "receivedAt", "deviceId", "lat", "lng", "props");
        assertThat(json.getString("ts")).isEqualTo("2026-11-23T10:00:00Z");
    }

    @Test
    void jsonReadsBackToTheSameEvent() {
        // Given
        TrackingEvent event = new TrackingEvent(
                "id-2", "view", T0, T0.plusMillis(5), "d1", "u1", null, null, null, Map.of("k", "v"), "10.0.0.1", "ua");

        // When
        TrackingEvent read = Json.parse(Json.toBytes(event), TrackingEvent.class);

        // Then
        assertThat(read).isEqualTo(event);
    }

    @Test
    void locationUpdateIsKeyedByAProvedUserThenDevice() {
        // Given
        TrackingEvent provedUser = new TrackingEvent(
                "e1", "location", T0, T0, "d1", "u1", 1.0, 2.0, null, Map.of(), null, null, null, true);
        TrackingEvent deviceOnly =
                new TrackingEvent("e2", "location", T0, T0, "d2", null, 1.0, 2.0, null, Map.of(), null, null);
        TrackingEvent view =
                new TrackingEvent("e3", "view", T0, T0, "d3", null, null, null, null, Map.of(), null, null);

        // Then
        assertThat(LocationUpdate.of(provedUser)).hasValueSatisfying(l -> {
            assertThat(l.key()).isEqualTo("u1");
            assertThat(l.userId()).isEqualTo("u1");
        });
        assertThat(LocationUpdate.of(deviceOnly))
                .hasValueSatisfying(l -> assertThat(l.key()).isEqualTo("d2"));
        assertThat(LocationUpdate.of(view)).isEmpty();
    }

    @Test
    void aClaimedUserIsNotNamedInTheLocationUpdate() {
        // Given a user id the request did not prove
        TrackingEvent claimedWithDevice =
                new TrackingEvent("e1", "location", T0, T0, "d1", "u1", 1.0, 2.0, null, Map.of(), null, null);
        TrackingEvent claimedAlone =
                new TrackingEvent("e2", "location", T0, T0, null, "u1", 1.0, 2.0, null, Map.of(), null, null);

        // Then: the device's location, never the user's
        assertThat(LocationUpdate.of(claimedWithDevice)).hasValueSatisfying(l -> {
            assertThat(l.key()).isEqualTo("d1");
            assertThat(l.userId()).isNull();
        });
        assertThat(LocationUpdate.of(claimedAlone)).isEmpty();
    }

    @Test
    void provedUserTravelsInTheJson() {
        // Given
        TrackingEvent event =
                new TrackingEvent("e1", "view", T0, T0, "d1", "u1", null, null, null, Map.of(), null, null, null, true);

        // When
        JsonObject json = new JsonObject(Json.toText(event));

        // Then
        assertThat(json.getBoolean("userVerified")).isTrue();
        assertThat(Json.parse(Json.toBytes(event), TrackingEvent.class)).isEqualTo(event);
    }
}
