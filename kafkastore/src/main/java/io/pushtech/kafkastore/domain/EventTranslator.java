package io.pushtech.kafkastore.domain;

import com.fasterxml.jackson.databind.JsonNode;
import io.pushtech.common.Json;
import io.pushtech.common.Streams;
import io.pushtech.common.Topics;
import io.pushtech.common.event.LocationUpdate;
import io.pushtech.common.event.TrackingEvent;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides where a stream entry goes: a well-formed event to {@code events}, keyed by device (or user), and a
 * location event also to the compacted {@code locations}, keyed by user (or device); anything else to
 * {@code events.rejected} with the reason and the original payload, never dropped. Pure and thread-safe.
 */
public final class EventTranslator {

    /** The records of a stream entry: its {@code events} field holds a JSON array, its {@code event} field one event. */
    public List<OutgoingRecord> translate(String entryId, Map<String, String> fields) {
        String many = fields.get(Streams.EVENTS_FIELD);
        if (many != null) {
            return translateArray(entryId, many);
        }
        String one = fields.get(Streams.EVENT_FIELD);
        if (one == null) {
            return List.of(rejected(entryId, "missing_event_field", ""));
        }
        return translate(entryId, one);
    }

    private List<OutgoingRecord> translateArray(String entryId, String payload) {
        JsonNode events;
        try {
            events = Json.tree(payload.getBytes(StandardCharsets.UTF_8));
        } catch (UncheckedIOException e) {
            return List.of(rejected(entryId, "unreadable_event", payload));
        }
        if (!events.isArray()) {
            return List.of(rejected(entryId, "unreadable_event", payload));
        }
        List<OutgoingRecord> records = new ArrayList<>(events.size() + 1);
        events.forEach(event -> records.addAll(translate(entryId, event)));
        return records;
    }

    private List<OutgoingRecord> translate(String entryId, JsonNode node) {
        try {
            return records(Json.convert(node, TrackingEvent.class));
        } catch (IllegalArgumentException | NullPointerException e) {
            return List.of(rejected(entryId, "unreadable_event", node.toString()));
        }
    }

    private List<OutgoingRecord> translate(String entryId, String payload) {
        try {
            return records(Json.parse(payload, TrackingEvent.class));
        } catch (UncheckedIOException | IllegalArgumentException | NullPointerException e) {
            return List.of(rejected(entryId, "unreadable_event", payload));
        }
    }

    private static List<OutgoingRecord> records(TrackingEvent event) {
        OutgoingRecord record = new OutgoingRecord(Topics.EVENTS, event.partitionKey(), Json.toBytes(event));
        return LocationUpdate.of(event)
                .map(location ->
                        List.of(record, new OutgoingRecord(Topics.LOCATIONS, location.key(), Json.toBytes(location))))
                .orElse(List.of(record));
    }

    private static OutgoingRecord rejected(String entryId, String reason, String payload) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reason", reason);
        body.put("streamEntryId", entryId);
        body.put("payload", payload);
        return new OutgoingRecord(
                Topics.EVENTS_REJECTED, null, Json.toText(body).getBytes(StandardCharsets.UTF_8));
    }
}
