package io.pushtech.kafkastore.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.pushtech.common.Json;
import io.pushtech.common.Streams;
import io.pushtech.common.Topics;
import io.pushtech.common.event.LocationUpdate;
import io.pushtech.common.event.TrackingEvent;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventTranslatorTest {

    private final EventTranslator translator = new EventTranslator();

    @Test
    void wellFormedEventGoesToEventsKeyedByDevice() {
        // Given
        TrackingEvent event = event("d1", "u1");

        // When
        OutgoingRecord record = only(translator.translate("1-0", single(Json.toText(event))));

        // Then
        assertThat(record.topic()).isEqualTo(Topics.EVENTS);
        assertThat(record.key()).isEqualTo("d1");
        assertThat(Json.parse(record.value(), TrackingEvent.class)).isEqualTo(event);
    }

    @Test
    void eventWithoutDeviceIsKeyedByUser() {
        // When
        OutgoingRecord record = only(translator.translate("1-0", single(Json.toText(event(null, "u1")))));

        // Then
        assertThat(record.key()).isEqualTo("u1");
    }

    @Test
    void unreadablePayloadGoesToRejectedWithReasonAndOriginal() {
        // When
        OutgoingRecord record = only(translator.translate("7-1", single("{not json")));

        // Then
        assertThat(record.topic()).isEqualTo(Topics.EVENTS_REJECTED);
        JsonObject body = new JsonObject(new String(record.value(), StandardCharsets.UTF_8));
        assertThat(body.getString("reason")).isEqualTo("unreadable_event");
        assertThat(body.getString("payload")).isEqualTo("{not json");
        assertThat(body.getString("streamEntryId")).isEqualTo("7-1");
    }

    @Test
    void payloadMissingRequiredFieldsIsRejected() {
        // When
        OutgoingRecord record = only(translator.translate("7-2", single("{\"type\":\"view\"}")));

        // Then
        assertThat(record.topic()).isEqualTo(Topics.EVENTS_REJECTED);
    }

    @Test
    void entryWithoutEventFieldIsRejected() {
        // When
        OutgoingRecord record = only(translator.translate("7-3", single(null)));

        // Then
        assertThat(record.topic()).isEqualTo(Topics.EVENTS_REJECTED);
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).contains("missing_event_field");
    }

    @Test
    void locationEventAlsoGoesToLocationsKeyedByUser() {
        // Given
        Instant now = Instant.parse("2026-11-23T10:00:00Z");
        TrackingEvent event =
                new TrackingEvent("0193-loc", "location", now, now, "d1", "u1", 52.52, 13.4, 8.0, Map.of(), null, null);

        // When
        List<OutgoingRecord> records = translator.translate("1-0", single(Json.toText(event)));

        // Then
        assertThat(records).extracting(OutgoingRecord::topic).containsExactly(Topics.EVENTS, Topics.LOCATIONS);
        OutgoingRecord location = records.get(1);
        assertThat(location.key()).isEqualTo("u1");
        assertThat(Json.parse(location.value(), LocationUpdate.class))
                .isEqualTo(new LocationUpdate("0193-loc", "u1", "d1", 52.52, 13.4, 8.0, now));
    }

    @Test
    void entryWithManyEventsGivesARecordForEachAndRejectsOnlyTheUnreadableOne() {
        // Given
        String events =
                "[" + Json.toText(event("d1", null)) + ",{\"broken\":true}," + Json.toText(event("d2", null)) + "]";

        // When
        List<OutgoingRecord> records = translator.translate("9-0", Map.of(Streams.EVENTS_FIELD, events));

        // Then
        assertThat(records)
                .extracting(OutgoingRecord::topic, OutgoingRecord::key)
                .containsExactly(
                        tuple(Topics.EVENTS, "d1"), tuple(Topics.EVENTS_REJECTED, null), tuple(Topics.EVENTS, "d2"));
    }

    private static Map<String, String> single(String payload) {
        return payload == null ? Map.of() : Map.of(Streams.EVENT_FIELD, payload);
    }

    private static OutgoingRecord only(List<OutgoingRecord> records) {
        assertThat(records).hasSize(1);
        return records.get(0);
    }

    private static TrackingEvent event(String deviceId, String userId) {
        Instant now = Instant.parse("2026-11-23T10:00:00Z");
        return new TrackingEvent(
                "0193-id", "view", now, now, deviceId, userId, null, null, null, Map.of("a", "b"), null, null);
    }
}
