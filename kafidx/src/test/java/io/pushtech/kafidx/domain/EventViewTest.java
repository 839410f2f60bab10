package io.pushtech.kafidx.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EventViewTest {

    private static final Masker MASKER = new Masker(MaskerTest.DEFAULTS);

    private static RawRecord record(String key, String value) {
        return new RawRecord("events", 2, 41, 0, Optional.ofNullable(key), value.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void showsTheMaskedEventWithWhereItCameFrom() {
        // Given
        EventView view = new EventView(MASKER, new Throttle(10));

        // When
        Optional<ObjectNode> shown = view.show(record("d1", "{\"deviceId\":\"d1\",\"ip\":\"10.0.0.0\"}"), 0);

        // Then
        assertThat(shown).hasValueSatisfying(event -> {
            assertThat(event.get("topic").asText()).isEqualTo("events");
            assertThat(event.get("partition").asInt()).isEqualTo(2);
            assertThat(event.get("offset").asLong()).isEqualTo(41);
            assertThat(event.get("key").asText()).isEqualTo("d1");
            assertThat(event.at("/value/deviceId").asText()).isEqualTo("d1");
            assertThat(event.at("/value/ip").asText()).isEqualTo(Masker.MASK);
        });
    }

    @Test
    void filtersOnTheMaskedEvent() {
        // Given
        EventView view = new EventView(MASKER, new Throttle(10));
        view.filter(EventFilter.parse("10.0.0", MASKER::isMasked));

        // When
        Optional<ObjectNode> shown = view.show(record("d1", "{\"note\":\"10.0.0.7\"}"), 0);

        // Then
        assertThat(shown).isEmpty();
        assertThat(view.takeSkipped()).isZero();
    }

    @Test
    void showsAValueThatIsNotJsonAsMaskedText() {
        // Given
        EventView view = new EventView(MASKER, new Throttle(10));

        // When
        Optional<ObjectNode> shown = view.show(record(null, "hello from 192.168.0.1"), 0);

        // Then
        assertThat(shown).hasValueSatisfying(event -> {
            assertThat(event.get("value").asText()).isEqualTo("hello from ***");
            assertThat(event.has("key")).isFalse();
        });
    }
}
