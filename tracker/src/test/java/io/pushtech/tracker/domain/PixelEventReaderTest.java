package io.pushtech.tracker.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pushtech.common.event.EventIds;
import io.pushtech.common.event.TrackingEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PixelEventReaderTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final ClientInfo CLIENT = new ClientInfo("203.0.113.7", "curl/8");

    private final PixelEventReader reader = new PixelEventReader(Clock.fixed(NOW, ZoneOffset.UTC), new EventIds());

    @Test
    void readsTypedFieldsAndKeepsOtherParametersAsProperties() {
        // Given
        Map<String, String> params = Map.of(
                "deviceId", "d1", "userId", "u1", "lat", "52.52", "lng", "13.40", "accuracy", "12.5", "screen", "home");

        // When
        TrackingEvent event = reader.read("location", params, CLIENT);

        // Then
        assertThat(event.type()).isEqualTo("location");
        assertThat(event.deviceId()).isEqualTo("d1");
        assertThat(event.userId()).isEqualTo("u1");
        assertThat(event.lat()).isEqualTo(52.52);
        assertThat(event.lng()).isEqualTo(13.40);
        assertThat(event.accuracy()).isEqualTo(12.5);
        assertThat(event.props()).containsExactly(Map.entry("screen", "home"));
        assertThat(event.ip()).isEqualTo("203.0.113.7");
        assertThat(event.userAgent()).isEqualTo("curl/8");
        assertThat(event.receivedAt()).isEqualTo(NOW);
        assertThat(event.ts()).isEqualTo(NOW);
    }

    @Test
    void givesEveryEventItsOwnTimeOrderedId() {
        // Given
        Map<String, String> params = Map.of("deviceId", "d1");

        // When
        String first = reader.read("view", params, CLIENT).id();
        String second = reader.read("view", params, CLIENT).id();

        // Then
        assertThat(first).isNotEqualTo(second);
        assertThat(first.charAt(14)).isEqualTo('7');
        assertThat(first.compareTo(second)).isNegative();
    }

    @Test
    void acceptsClientTimeInIsoOrEpochMillis() {
        // When
        TrackingEvent iso = reader.read("view", Map.of("deviceId", "d1", "ts", "2026-11-23T09:59:00Z"), CLIENT);
        TrackingEvent millis = reader.read("view", Map.of("deviceId", "d1", "ts", "1795427940000"), CLIENT);

        // Then
        assertThat(iso.ts()).isEqualTo(Instant.parse("2026-11-23T09:59:00Z"));
        assertThat(millis.ts()).isEqualTo(Instant.ofEpochMilli(1795427940000L));
    }

    @ParameterizedTest
    @CsvSource({
        "lat, 90.0001, out_of_range",
        "lat, -91, out_of_range",
        "lng, 180.5, out_of_range",
        "lat, NaN, not_a_number",
        "lat, Infinity, not_a_number",
        "lat, north, not_a_number",
        "accuracy, -1, out_of_range",
        "ts, yesterday, invalid_ts",
        "deviceId, 'd 1', invalid_id"
    })
    void rejectsBadValueNamingFieldAndReason(String field, String value, String code) {
        // Given
        Map<String, String> params = new HashMap<>(Map.of("deviceId", "d1", "lat", "1", "lng", "2"));
        params.put(field, value);

        // When / Then
        assertThatThrownBy(() -> reader.read("location", params, CLIENT))
                .isInstanceOfSatisfying(InvalidEventException.class, e -> {
                    assertThat(e.code()).isEqualTo(code);
                    assertThat(e.field()).isEqualTo(field);
                });
    }

    @Test
    void rejectsLocationEventWithoutCoordinates() {
        // When / Then
        assertThatThrownBy(() -> reader.read("location", Map.of("deviceId", "d1"), CLIENT))
                .isInstanceOfSatisfying(
                        InvalidEventException.class, e -> assertThat(e.code()).isEqualTo("missing_location"));
    }

    @Test
    void rejectsLatitudeWithoutLongitude() {
        // When / Then
        assertThatThrownBy(() -> reader.read("view", Map.of("deviceId", "d1", "lat", "1"), CLIENT))
                .isInstanceOfSatisfying(InvalidEventException.class, e -> {
                    assertThat(e.code()).isEqualTo("incomplete_location");
                    assertThat(e.field()).isEqualTo("lng");
                });
    }

    @Test
    void rejectsEventWithoutDeviceOrUser() {
        // When / Then
        assertThatThrownBy(() -> reader.read("view", Map.of("screen", "home"), CLIENT))
                .isInstanceOfSatisfying(
                        InvalidEventException.class, e -> assertThat(e.code()).isEqualTo("missing_device"));
    }

    @Test
    void rejectsTypeWithCharactersOutsideTheAlphabet() {
        // When / Then
        assertThatThrownBy(() -> reader.read("<script>", Map.of("deviceId", "d1"), CLIENT))
                .isInstanceOfSatisfying(
                        InvalidEventException.class, e -> assertThat(e.code()).isEqualTo("invalid_type"));
    }

    @Test
    void rejectsTooManyProperties() {
        // Given
        Map<String, String> params = new HashMap<>(Map.of("deviceId", "d1"));
        for (int i = 0; i <= PixelEventReader.MAX_PROPERTIES; i++) {
            params.put("p" + i, "v");
        }

        // When / Then
        assertThatThrownBy(() -> reader.read("view", params, CLIENT))
                .isInstanceOfSatisfying(
                        InvalidEventException.class, e -> assertThat(e.code()).isEqualTo("too_many_properties"));
    }

    @Test
    void rejectsOverlongPropertyValue() {
        // Given
        Map<String, String> params =
                Map.of("deviceId", "d1", "note", "x".repeat(PixelEventReader.MAX_VALUE_LENGTH + 1));

        // When / Then
        assertThatThrownBy(() -> reader.read("view", params, CLIENT))
                .isInstanceOfSatisfying(InvalidEventException.class, e -> {
                    assertThat(e.code()).isEqualTo("property_too_long");
                    assertThat(e.field()).isEqualTo("note");
                });
    }
}
