package io.pushtech.tracker.infra;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.pushtech.common.Json;
import io.pushtech.common.event.TrackingEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Writes a stream entry, a JSON array of events, exactly as the platform's object mapper writes
 * {@link TrackingEvent}s, straight through a generator: the mapper's per-field reflection and its formatting of
 * every {@link Instant} were most of the stream writer's work. The events of one request share their receive time
 * (and usually their time), so the last formatted instant is kept. Not thread-safe: one per writer thread.
 */
final class EventJson {

    private static final JsonFactory FACTORY = Json.factory();

    private Instant lastInstant;
    private String lastText;

    byte[] write(List<TrackingEvent> events) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 * events.size());
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.writeStartArray();
            for (TrackingEvent event : events) {
                write(json, event);
            }
            json.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private void write(JsonGenerator json, TrackingEvent event) throws IOException {
        json.writeStartObject();
        json.writeStringField("id", event.id());
        json.writeStringField("type", event.type());
        json.writeStringField("ts", text(event.ts()));
        json.writeStringField("receivedAt", text(event.receivedAt()));
        optional(json, "deviceId", event.deviceId());
        optional(json, "userId", event.userId());
        optional(json, "lat", event.lat());
        optional(json, "lng", event.lng());
        optional(json, "accuracy", event.accuracy());
        json.writeFieldName("props");
        value(json, event.props());
        optional(json, "ip", event.ip());
        optional(json, "userAgent", event.userAgent());
        if (event.clientTs() != null) {
            json.writeStringField("clientTs", text(event.clientTs()));
        }
        json.writeEndObject();
    }

    private String text(Instant instant) {
        if (!instant.equals(lastInstant)) {
            lastInstant = instant;
            lastText = instant.toString();
        }
        return lastText;
    }

    private static void optional(JsonGenerator json, String name, String value) throws IOException {
        if (value != null) {
            json.writeStringField(name, value);
        }
    }

    private static void optional(JsonGenerator json, String name, Double value) throws IOException {
        if (value != null) {
            json.writeNumberField(name, value);
        }
    }

    /** A property value: what {@code EventFactory} builds from parsed JSON. */
    private static void value(JsonGenerator json, Object value) throws IOException {
        if (value instanceof Map<?, ?> map) {
            json.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                json.writeFieldName((String) entry.getKey());
                value(json, entry.getValue());
            }
            json.writeEndObject();
        } else if (value instanceof List<?> list) {
            json.writeStartArray();
            for (Object item : list) {
                value(json, item);
            }
            json.writeEndArray();
        } else if (value instanceof String text) {
            json.writeString(text);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            json.writeNumber(((Number) value).longValue());
        } else if (value instanceof Double number) {
            json.writeNumber(number);
        } else if (value instanceof Float number) {
            json.writeNumber(number);
        } else if (value instanceof BigInteger number) {
            json.writeNumber(number);
        } else if (value instanceof BigDecimal number) {
            json.writeNumber(number);
        } else if (value instanceof Boolean bool) {
            json.writeBoolean(bool);
        } else if (value == null) {
            json.writeNull();
        } else {
            throw new IllegalArgumentException(
                    "not a JSON value: " + value.getClass().getName());
        }
    }
}
