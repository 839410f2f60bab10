package io.pushtech.kafkastore.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.pushtech.common.Json;
import io.pushtech.common.event.TrackingEvent;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EnricherTest {

    private static final Geo LONDON = new Geo("GB", "ENG", "London", null, 51.5, -0.1, 20, "Europe/London");
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private final Enricher enricher = new Enricher(
            new GeoStep(address -> Optional.of(LONDON), 10),
            Optional.of(new DeviceDetector(10)),
            new IpAnonymizer(24, 48),
            new PropertyFilter(Set.of("email"), PropertyFilter.Action.DROP));

    @Test
    void addsGeoAndDeviceThenAnonymizesTheAddressAndFiltersProperties() {
        // Given
        TrackingEvent event = event("81.2.69.142", Map.of("email", "a@b.c", "page", "/"));

        // When
        EnrichedEvent enriched = enricher.enrich(event);

        // Then
        assertThat(enriched.schemaVersion()).isEqualTo(1);
        assertThat(enriched.geo()).isEqualTo(LONDON);
        assertThat(enriched.device().os()).isEqualTo("iOS");
        assertThat(enriched.ip()).isEqualTo("81.2.69.0");
        assertThat(enriched.props()).containsExactly(Map.entry("page", "/"));
    }

    @Test
    void enrichedJsonIsStillReadAsATrackingEventWithoutTheRawAddress() {
        // Given
        TrackingEvent event = event("81.2.69.142", Map.of("page", "/"));

        // When
        byte[] json = Json.toBytes(enricher.enrich(event));

        // Then
        TrackingEvent read = Json.parse(json, TrackingEvent.class);
        assertThat(read.id()).isEqualTo(event.id());
        assertThat(read.deviceId()).isEqualTo("d1");
        assertThat(read.ts()).isEqualTo(NOW);
        assertThat(read.props()).isEqualTo(Map.of("page", "/"));
        assertThat(read.ip()).isEqualTo("81.2.69.0");
        assertThat(new String(json)).doesNotContain("81.2.69.142");
    }

    @Test
    void eventWithoutAddressOrUserAgentHasNeither() {
        // Given
        TrackingEvent event = new TrackingEvent("e1", "view", NOW, NOW, "d1", null, null, null, null, null, null, null);

        // When
        EnrichedEvent enriched = enricher.enrich(event);

        // Then
        assertThat(enriched.ip()).isNull();
        assertThat(enriched.geo()).isNull();
        assertThat(enriched.device()).isNull();
    }

    private static TrackingEvent event(String ip, Map<String, Object> props) {
        return new TrackingEvent(
                "e1", "view", NOW, NOW, "d1", "u1", null, null, null, props, ip, DeviceDetectorTest.IPHONE_SAFARI);
    }
}
