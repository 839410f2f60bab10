package io.pushtech.kafkastore.domain;

import io.pushtech.common.Json;
import io.pushtech.common.Topics;
import io.pushtech.common.event.LocationUpdate;
import io.pushtech.common.event.TrackingEvent;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides where a stream entry goes: a well-formed event to {@code events}, keyed by device (or user), and a
 * location event also to the compacted {@code locations}, keyed by user (or device); anything else to
 * {@code events.rejected} with the reason and the original payload, never dropped. Pure and thread-safe.
 */
public final class EventTranslator {

    public List<OutgoingRecord> translate(String entryId, String payload) {
        if (payload == null) {
            return List.of(rejected(entryId, "missing_event_field", ""));
        }
        TrackingEvent event;
        try {
            event = Json.parse(payload, TrackingEvent.class);
        } catch (UncheckedIOException | IllegalArgumentException | NullPointerException e) {
            return List.of(rejected(entryId, "unreadable_event", payload));
        }
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
