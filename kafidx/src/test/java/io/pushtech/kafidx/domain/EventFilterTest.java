package io.pushtech.kafidx.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.pushtech.common.Json;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EventFilterTest {

    private static final Masker MASKER = new Masker(MaskerTest.DEFAULTS);
    private static final JsonNode EVENT = Json.tree(
            ("{\"type\":\"location\",\"deviceId\":\"d-42\",\"lat\":52.52,\"geo\":{\"country\":\"DE\",\"city\":\"New York\"},"
                            + "\"props\":{\"tags\":[\"red\",\"big\"],\"count\":3},\"ip\":\"***\"}")
                    .getBytes(StandardCharsets.UTF_8));

    private static EventFilter parse(String text) {
        return EventFilter.parse(text, MASKER::isMasked);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "''|true",
                "type=location|true",
                "type=view|false",
                "type=location deviceId=d-42|true",
                "type=location deviceId=d-1|false",
                "deviceId!=d-1|true",
                "missing!=x|true",
                "geo.country=DE|true",
                "geo.country~de|true",
                "geo.city=\"New York\"|true",
                "props.tags=big|true",
                "props.count=3.0|true",
                "lat=52.520|true",
                "york|true",
                "\"new york\"|true",
                "nowhere|false"
            })
    void selectsEventsByTheirFields(String filter, boolean expected) {
        // When
        boolean matches = parse(filter).matches(EVENT);

        // Then
        assertThat(matches).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"=x", "deviceId=", "geo..city=x", "a b c=\"open", "dev.=x", "na me!=", "(x)=1"})
    void rejectsMalformedFiltersAtOnce(String filter) {
        // When / Then
        assertThatThrownBy(() -> parse(filter))
                .isInstanceOf(InvalidFilterException.class)
                .extracting(e -> ((InvalidFilterException) e).code())
                .isEqualTo("invalid_filter");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ip=203.0.113.9", "props.email~gmail", "contactPhone!=1", "ip=\"***\""})
    void refusesToFilterOnMaskedFields(String filter) {
        // When / Then
        assertThatThrownBy(() -> parse(filter))
                .isInstanceOf(InvalidFilterException.class)
                .extracting(e -> ((InvalidFilterException) e).code())
                .isEqualTo("masked_field");
    }

    @Test
    void textSearchSeesOnlyTheMaskedEvent() {
        // Given
        JsonNode raw =
                Json.tree("{\"note\":\"from 203.0.113.9\",\"ip\":\"203.0.113.9\"}".getBytes(StandardCharsets.UTF_8));

        // When
        boolean found = parse("203.0.113").matches(MASKER.mask(raw));

        // Then
        assertThat(found).isFalse();
    }

    @Test
    void rejectsTooManyTerms() {
        // When / Then
        assertThatThrownBy(() -> parse("a ".repeat(EventFilter.MAX_TERMS + 1)))
                .isInstanceOf(InvalidFilterException.class)
                .hasMessageContaining("at most " + EventFilter.MAX_TERMS);
    }
}
