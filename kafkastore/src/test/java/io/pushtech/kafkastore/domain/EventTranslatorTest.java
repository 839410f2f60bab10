package io.pushtech.kafkastore.domain;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EventTranslatorTest {

    private final EventTranslator translator = new EventTranslator(new Enricher(
            new GeoStep(GeoLocator.none(), 10),
            Optional.empty(),
            new IpAnonymizer(24, 48),
            new PropertyFilter(Set.of(), PropertyFilter.Action.DROP)));

    @Test
    void wellFormedEventGoesToEventsKeyedByDevice() {
        // Given
        TrackingEvent event = event("d1", "u1");

        // When
        OutgoingRecord record = only(translator.translate("1-0", Json.toText(event)));

        // Then
        assertThat(record.topic()).isEqualTo(Topics.EVENTS);
        assertThat(record.key()).isEqualTo("d1");
        assertThat(Json.parse(record.value(), TrackingEvent.class)).isEqualTo(event);
    }

    @Test
    void eventWithoutDeviceIsKeyedByUser() {
        // When
        OutgoingRecord record = only(translator.translate("1-0", Json.toText(event(null, "u1"))));

        // Then
        assertThat(record.key()).isEqualTo("u1");
    }

    @Test
    void unreadablePayloadGoesToRejectedWithReasonAndOriginal() {
        // When
        OutgoingRecord record = only(translator.translate("7-1", "{not json"));

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
        OutgoingRecord record = only(translator.translate("7-2", "{\"type\":\"view\"}"));

        // Then
        assertThat(record.topic()).isEqualTo(Topics.EVENTS_REJECTED);
    }

    @Test
    void entryWithoutEventFieldIsRejected() {
        // When
        OutgoingRecord record = only(translator.translate("7-3", Map.of()));

        // Then
        assertThat(record.topic()).isEqualTo(Topics.EVENTS_REJECTED);
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).contains("missing_event_field");
    }

    @Test
    void locationEventOfAClaimedUserGoesToLocationsAsItsDevices() {
        // Given a user id without a token: anybody could have sent it
        Instant now = Instant.parse("2026-11-23T10:00:00Z");
        TrackingEvent event =
                new TrackingEvent("0193-loc", "location", now, now, "d1", "u1", 52.52, 13.4, 8.0, Map.of(), null, null);

        // When
        List<OutgoingRecord> records = translator.translate("1-0", Json.toText(event));

        // Then
        OutgoingRecord location = records.get(1);
        assertThat(location.key()).isEqualTo("d1");
        assertThat(Json.parse(location.value(), LocationUpdate.class).userId()).isNull();
        assertThat(new JsonObject(new String(records.get(0).value(), StandardCharsets.UTF_8)).getString("userId"))
                .isEqualTo("u1");
    }

    @Test
    void locationEventOfAProvedUserAlsoGoesToLocationsKeyedByUser() {
        // Given
        Instant now = Instant.parse("2026-11-23T10:00:00Z");
        TrackingEvent event = new TrackingEvent(
                "0193-loc", "location", now, now, "d1", "u1", 52.52, 13.4, 8.0, Map.of(), null, null, null, true);

        // When
        List<OutgoingRecord> records = translator.translate("1-0", Json.toText(event));

        // Then
        assertThat(records).extracting(OutgoingRecord::topic).containsExactly(Topics.EVENTS, Topics.LOCATIONS);
        OutgoingRecord location = records.get(1);
        assertThat(location.key()).isEqualTo("u1");
        assertThat(Json.parse(location.value(), LocationUpdate.class))
                .isEqualTo(new LocationUpdate("0193-loc", "u1", "d1", 52.52, 13.4, 8.0, now));
    }

    @Test
    void eventWithNeitherDeviceNorUserIsRejected() {
        // When
        OutgoingRecord record = only(translator.translate("7-4", Json.toText(event(null, null))));

        // Then
        assertThat(record.rejected()).contains(RejectReason.MISSING_DEVICE_AND_USER);
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).contains("missing_device_and_user");
    }

    @Test
    void locationOutOfRangeIsRejected() {
        // Given
        Instant now = Instant.parse("2026-11-23T10:00:00Z");
        TrackingEvent event =
                new TrackingEvent("0193-bad", "location", now, now, "d1", null, 95.0, 13.4, null, Map.of(), null, null);

        // When
        OutgoingRecord record = only(translator.translate("7-5", Json.toText(event)));

        // Then
        assertThat(record.rejected()).contains(RejectReason.INVALID_LOCATION);
    }

    @Test
    void enrichmentFailureIsRejectedWithTheOriginalPayloadItsAddressAnonymized() {
        // Given
        EventTranslator failing = new EventTranslator(new Enricher(
                new GeoStep(
                        address -> {
                            throw new IllegalStateException("database closed");
                        },
                        10),
                Optional.empty(),
                new IpAnonymizer(24, 48),
                new PropertyFilter(Set.of(), PropertyFilter.Action.DROP)));
        Instant now = Instant.parse("2026-11-23T10:00:00Z");
        String payload = Json.toText(
                new TrackingEvent("0193-x", "view", now, now, "d1", null, null, null, null, Map.of(), "8.8.8.8", null));

        // When
        OutgoingRecord record = only(failing.translate("7-6", payload));

        // Then
        assertThat(record.topic()).isEqualTo(Topics.EVENTS_REJECTED);
        JsonObject body = new JsonObject(new String(record.value(), StandardCharsets.UTF_8));
        assertThat(body.getString("reason")).isEqualTo("enrichment_failed");
        assertThat(new JsonObject(body.getString("payload"))).isEqualTo(new JsonObject(payload).put("ip", "8.8.8.0"));
    }

    @Test
    void entryWithAnArrayOfEventsGivesOneRecordPerEventAndRejectsTheUnreadableOne() {
        // Given
        String events =
                "[" + Json.toText(event("d1", null)) + ",{\"type\":\"view\"}," + Json.toText(event("d2", null)) + "]";

        // When
        List<OutgoingRecord> records = translator.translate("8-0", Map.of(Streams.EVENTS_FIELD, events));

        // Then
        assertThat(records)
                .extracting(OutgoingRecord::topic)
                .containsExactly(Topics.EVENTS, Topics.EVENTS_REJECTED, Topics.EVENTS);
        assertThat(records).extracting(OutgoingRecord::key).containsExactly("d1", null, "d2");
    }

    @Test
    void eventOfAnArrayThatIsRejectedCarriesItsOwnText() {
        // Given
        String anonymous = Json.toText(event(null, null));
        String events = "[" + Json.toText(event("d1", null)) + ", " + anonymous + "]";

        // When
        List<OutgoingRecord> records = translator.translate("8-1", Map.of(Streams.EVENTS_FIELD, events));

        // Then
        assertThat(records).extracting(OutgoingRecord::topic).containsExactly(Topics.EVENTS, Topics.EVENTS_REJECTED);
        JsonObject body = new JsonObject(new String(records.get(1).value(), StandardCharsets.UTF_8));
        assertThat(body.getString("reason")).isEqualTo(RejectReason.MISSING_DEVICE_AND_USER.code());
        assertThat(new JsonObject(body.getString("payload"))).isEqualTo(new JsonObject(anonymous));
    }

    @Test
    void arrayCutShortRejectsTheWholeEntry() {
        // When
        List<OutgoingRecord> records =
                translator.translate("8-2", Map.of(Streams.EVENTS_FIELD, "[" + Json.toText(event("d1", null)) + ","));

        // Then
        assertThat(only(records).topic()).isEqualTo(Topics.EVENTS_REJECTED);
    }

    @Test
    void entryWithEventsByRequestGivesEachEventWhatItsRequestHolds() {
        // Given
        String events =
                """
                {"requests": [
                  {"receivedAt": "2026-11-23T10:00:00Z", "ip": "8.8.8.8", "userAgent": "curl/8.0", "events": [
                    {"id": "e1", "type": "view", "deviceId": "d1"},
                    {"id": "e2", "type": "view", "ts": "2026-11-23T09:59:00Z", "deviceId": "d2"}]},
                  {"events": [{"id": "e3", "type": "view", "deviceId": "d3"}], "receivedAt": "2026-11-23T10:00:01Z"}]}
                """;

        // When
        List<OutgoingRecord> records = translator.translate("8-3", Map.of(Streams.EVENTS_FIELD, events));

        // Then
        assertThat(records).extracting(OutgoingRecord::key).containsExactly("d1", "d2", "d3");
        List<JsonObject> bodies = records.stream()
                .map(r -> new JsonObject(new String(r.value(), StandardCharsets.UTF_8)))
                .toList();
        assertThat(bodies).extracting(b -> b.getString("id")).containsExactly("e1", "e2", "e3");
        assertThat(bodies)
                .extracting(b -> b.getString("ts"))
                .containsExactly("2026-11-23T10:00:00Z", "2026-11-23T09:59:00Z", "2026-11-23T10:00:01Z");
        assertThat(bodies)
                .extracting(b -> b.getString("receivedAt"))
                .containsExactly("2026-11-23T10:00:00Z", "2026-11-23T10:00:00Z", "2026-11-23T10:00:01Z");
        assertThat(bodies).extracting(b -> b.getString("ip")).containsExactly("8.8.8.0", "8.8.8.0", null);
    }

    @Test
    void unreadableEventOfARequestIsRejectedAloneAndTheOthersGoOn() {
        // Given: a latitude that is not a number, and an event without a type
        String events =
                """
                {"requests": [{"receivedAt": "2026-11-23T10:00:00Z", "events": [
                  {"id": "e1", "type": "view", "deviceId": "d1"},
                  {"id": "e2", "type": "view", "deviceId": "d2", "lat": {"deg": 52}},
                  {"id": "e3", "deviceId": "d3"},
                  {"id": "e4", "type": "view", "deviceId": "d4"}]}]}
                """;

        // When
        List<OutgoingRecord> records = translator.translate("8-4", Map.of(Streams.EVENTS_FIELD, events));

        // Then
        assertThat(records)
                .extracting(OutgoingRecord::topic)
                .containsExactly(Topics.EVENTS, Topics.EVENTS_REJECTED, Topics.EVENTS_REJECTED, Topics.EVENTS);
        assertThat(records).extracting(OutgoingRecord::key).containsExactly("d1", null, null, "d4");
        JsonObject rejected = new JsonObject(new String(records.get(2).value(), StandardCharsets.UTF_8));
        assertThat(rejected.getString("reason")).isEqualTo(RejectReason.UNREADABLE_EVENT.code());
        assertThat(new JsonObject(rejected.getString("payload")).getString("id"))
                .isEqualTo("e3");
    }

    @Test
    void rejectedEventOfARequestCarriesItsRequestsFields() {
        // Given an event with neither device nor user
        String events =
                """
                {"requests": [{"receivedAt": "2026-11-23T10:00:00Z", "ip": "8.8.8.8", "userAgent": "curl/8.0",
                  "events": [{"id": "e1", "type": "view"}]}]}
                """;

        // When
        OutgoingRecord record = only(translator.translate("8-6", Map.of(Streams.EVENTS_FIELD, events)));

        // Then
        assertThat(record.topic()).isEqualTo(Topics.EVENTS_REJECTED);
        JsonObject body = new JsonObject(new String(record.value(), StandardCharsets.UTF_8));
        assertThat(body.getString("reason")).isEqualTo(RejectReason.MISSING_DEVICE_AND_USER.code());
        JsonObject payload = new JsonObject(body.getString("payload"));
        assertThat(payload.getString("id")).isEqualTo("e1");
        assertThat(payload.getString("receivedAt")).isEqualTo("2026-11-23T10:00:00Z");
        assertThat(payload.getString("userAgent")).isEqualTo("curl/8.0");
        assertThat(payload.getString("ip")).isEqualTo("8.8.8.0");
    }

    @Test
    void requestsCutShortRejectTheWholeEntry() {
        // When
        List<OutgoingRecord> records = translator.translate(
                "8-5",
                Map.of(
                        Streams.EVENTS_FIELD,
                        "{\"requests\": [{\"receivedAt\": \"2026-11-23T10:00:00Z\", \"events\": []},"));

        // Then
        assertThat(only(records).topic()).isEqualTo(Topics.EVENTS_REJECTED);
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
