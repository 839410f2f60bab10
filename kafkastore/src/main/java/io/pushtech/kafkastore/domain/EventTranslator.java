package io.pushtech.kafkastore.domain;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pushtech.common.Json;
import io.pushtech.common.Streams;
import io.pushtech.common.Topics;
import io.pushtech.common.event.LocationUpdate;
import io.pushtech.common.event.RequestEvents;
import io.pushtech.common.event.TrackingEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Decides where a stream entry goes: a valid event, enriched, to {@code events}, keyed by device (or user), and a
 * location event also to the compacted {@code locations}, keyed by user (or device); anything that fails
 * validation or enrichment to {@code events.rejected} with the reason and the original payload (under the same
 * privacy rules: address anonymized, denied properties filtered), never dropped.
 * Pure and thread-safe.
 */
public final class EventTranslator {

    private static final ObjectReader EVENT_READER = Json.reader(TrackingEvent.class);
    private static final ObjectReader REQUEST_READER = Json.reader(RequestEvents.class);

    private final Enricher enricher;
    private final PayloadScrubber scrubber;

    public EventTranslator(Enricher enricher) {
        this.enricher = enricher;
        this.scrubber = enricher.payloadScrubber();
    }

    /**
     * The records of a stream entry: its {@code events} field holds a JSON array of events or the events by request
     * ({@code {"requests": […]}}), its {@code event} field one event.
     */
    public List<OutgoingRecord> translate(String entryId, Map<String, String> fields) {
        String many = fields.get(Streams.EVENTS_FIELD);
        if (many != null) {
            return translateMany(entryId, many);
        }
        return translate(entryId, fields.get(Streams.EVENT_FIELD));
    }

    /** The records of one event's JSON ({@code null} when the entry had none). */
    public List<OutgoingRecord> translate(String entryId, String payload) {
        if (payload == null) {
            return List.of(rejected(entryId, RejectReason.MISSING_EVENT_FIELD, ""));
        }
        TrackingEvent event;
        try {
            event = Json.parse(payload, TrackingEvent.class);
        } catch (UncheckedIOException | IllegalArgumentException | NullPointerException e) {
            return List.of(rejected(entryId, RejectReason.UNREADABLE_EVENT, payload));
        }
        return records(entryId, event, () -> payload);
    }

    /**
     * The records of several events, read as a stream: no tree per event, and an event's own text is written out
     * only when it is rejected. A payload that does not read cleanly is judged again event by event.
     */
    private List<OutgoingRecord> translateMany(String entryId, String payload) {
        try (JsonParser parser = Json.parser(payload)) {
            JsonToken first = parser.nextToken();
            List<OutgoingRecord> records = first == JsonToken.START_ARRAY
                    ? readArray(entryId, payload, parser)
                    : first == JsonToken.START_OBJECT ? readRequests(entryId, parser) : null;
            if (records != null && parser.nextToken() == null) {
                return records;
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException | NullPointerException e) {
            // judged again below, event by event
        }
        return translateEachNode(entryId, payload);
    }

    /** An array of events, each event's text cut out of the payload when it is rejected; null when it does not end. */
    private List<OutgoingRecord> readArray(String entryId, String payload, JsonParser parser) throws IOException {
        List<OutgoingRecord> records = new ArrayList<>();
        while (parser.nextToken() == JsonToken.START_OBJECT) {
            int start = (int) parser.currentTokenLocation().getCharOffset();
            TrackingEvent event = EVENT_READER.readValue(parser);
            int end = (int) parser.currentLocation().getCharOffset();
            records.addAll(records(entryId, event, () -> payload.substring(start, end)));
        }
        return parser.currentToken() == JsonToken.END_ARRAY ? records : null;
    }

    /** {@code {"requests": […]}}, each request read whole; null when it is not that. */
    private List<OutgoingRecord> readRequests(String entryId, JsonParser parser) throws IOException {
        if (parser.nextToken() != JsonToken.FIELD_NAME
                || !Streams.REQUESTS.equals(parser.currentName())
                || parser.nextToken() != JsonToken.START_ARRAY) {
            return null;
        }
        List<OutgoingRecord> records = new ArrayList<>();
        while (parser.nextToken() == JsonToken.START_OBJECT) {
            RequestEvents request = REQUEST_READER.readValue(parser);
            for (RequestEvents.Event event : request.events()) {
                records.addAll(records(entryId, request, event, () -> Json.toText(event)));
            }
        }
        boolean ended = parser.currentToken() == JsonToken.END_ARRAY && parser.nextToken() == JsonToken.END_OBJECT;
        return ended ? records : null;
    }

    private List<OutgoingRecord> translateEachNode(String entryId, String payload) {
        JsonNode many;
        try {
            many = Json.tree(payload.getBytes(StandardCharsets.UTF_8));
        } catch (UncheckedIOException e) {
            return List.of(rejected(entryId, RejectReason.UNREADABLE_EVENT, payload));
        }
        if (many.isObject() && many.path(Streams.REQUESTS).isArray()) {
            List<OutgoingRecord> records = new ArrayList<>();
            many.get(Streams.REQUESTS).forEach(request -> records.addAll(requestNode(entryId, request)));
            return records;
        }
        if (!many.isArray()) {
            return List.of(rejected(entryId, RejectReason.UNREADABLE_EVENT, payload));
        }
        List<OutgoingRecord> records = new ArrayList<>(many.size() + 1);
        for (JsonNode node : many) {
            TrackingEvent event;
            try {
                event = Json.convert(node, TrackingEvent.class);
            } catch (IllegalArgumentException | NullPointerException e) {
                records.add(rejected(entryId, RejectReason.UNREADABLE_EVENT, node.toString()));
                continue;
            }
            records.addAll(records(entryId, event, node::toString));
        }
        return records;
    }

    /** A request that did not read whole: what it gives all its events, then each event on its own. */
    private List<OutgoingRecord> requestNode(String entryId, JsonNode node) {
        if (!node.isObject() || !node.path("events").isArray()) {
            return List.of(rejected(entryId, RejectReason.UNREADABLE_EVENT, node.toString()));
        }
        // what is left once the events are taken out is what the request gives all of them
        JsonNode events = ((ObjectNode) node).remove("events");
        RequestEvents request;
        try {
            request = Json.convert(node, RequestEvents.class);
        } catch (IllegalArgumentException e) {
            request = null;
        }
        List<OutgoingRecord> records = new ArrayList<>(events.size());
        for (JsonNode eventNode : events) {
            RequestEvents.Event event;
            try {
                event = request == null ? null : Json.convert(eventNode, RequestEvents.Event.class);
            } catch (IllegalArgumentException e) {
                event = null;
            }
            records.addAll(
                    event == null
                            ? List.of(rejected(entryId, RejectReason.UNREADABLE_EVENT, eventNode.toString()))
                            : records(entryId, request, event, eventNode::toString));
        }
        return records;
    }

    /**
     * The records of {@code event} of {@code request}: unreadable (with the event's own text) when either lacks a
     * field every event needs; rejected otherwise with the whole event, its request's fields included.
     */
    private List<OutgoingRecord> records(
            String entryId, RequestEvents request, RequestEvents.Event event, Supplier<String> eventText) {
        TrackingEvent tracking;
        try {
            tracking = request.eventOf(event);
        } catch (NullPointerException e) {
            return List.of(rejected(entryId, RejectReason.UNREADABLE_EVENT, eventText.get()));
        }
        return records(entryId, tracking, () -> Json.toText(tracking));
    }

    private List<OutgoingRecord> records(String entryId, TrackingEvent event, Supplier<String> payload) {
        if (event.partitionKey() == null) {
            return List.of(rejected(entryId, RejectReason.MISSING_DEVICE_AND_USER, payload.get()));
        }
        if (!validLocation(event)) {
            return List.of(rejected(entryId, RejectReason.INVALID_LOCATION, payload.get()));
        }
        byte[] enriched;
        try {
            enriched = Json.toBytes(enricher.enrich(event));
        } catch (RuntimeException e) {
            return List.of(rejected(entryId, RejectReason.ENRICHMENT_FAILED, payload.get()));
        }
        OutgoingRecord record = new OutgoingRecord(Topics.EVENTS, event.partitionKey(), enriched);
        return LocationUpdate.of(event)
                .map(location ->
                        List.of(record, new OutgoingRecord(Topics.LOCATIONS, location.key(), Json.toBytes(location))))
                .orElse(List.of(record));
    }

    private static boolean validLocation(TrackingEvent event) {
        if (event.lat() == null && event.lng() == null) {
            return true;
        }
        return event.lat() != null
                && event.lng() != null
                && event.lat() >= -90
                && event.lat() <= 90
                && event.lng() >= -180
                && event.lng() <= 180;
    }

    private OutgoingRecord rejected(String entryId, RejectReason reason, String payload) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reason", reason.code());
        body.put("streamEntryId", entryId);
        body.put("payload", scrubber.scrub(payload));
        return new OutgoingRecord(
                Topics.EVENTS_REJECTED, null, Json.toText(body).getBytes(StandardCharsets.UTF_8), reason);
    }
}
