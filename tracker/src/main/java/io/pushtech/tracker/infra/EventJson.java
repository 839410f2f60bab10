package io.pushtech.tracker.infra;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import io.pushtech.common.Json;
import io.pushtech.common.Streams;
import io.pushtech.common.event.RequestEvents;
import io.pushtech.common.event.TrackingEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes a stream entry, the events by request ({@code {"requests": […]}}, each a {@link RequestEvents}), exactly as
 * the platform's object mapper writes them, straight through a generator: the mapper's per-field reflection and its
 * formatting of every {@link Instant} were most of the stream writer's work. Consecutive events with the same
 * receive time, address and user agent make one request, which holds those once; an event's {@code ts} is left out
 * when it is the receive time. Field names are encoded once, and the buffer an entry is written into is reused. Not
 * thread-safe: one per writer thread.
 */
final class EventJson {

    private static final JsonFactory FACTORY = Json.factory();
    private static final SerializedString REQUESTS = new SerializedString(Streams.REQUESTS);
    private static final SerializedString EVENTS = new SerializedString("events");
    private static final SerializedString ID = new SerializedString("id");
    private static final SerializedString TYPE = new SerializedString("type");
    private static final SerializedString TS = new SerializedString("ts");
    private static final SerializedString RECEIVED_AT = new SerializedString("receivedAt");
    private static final SerializedString DEVICE_ID = new SerializedString("deviceId");
    private static final SerializedString USER_ID = new SerializedString("userId");
    private static final SerializedString LAT = new SerializedString("lat");
    private static final SerializedString LNG = new SerializedString("lng");
    private static final SerializedString ACCURACY = new SerializedString("accuracy");
    private static final SerializedString PROPS = new SerializedString("props");
    private static final SerializedString IP = new SerializedString("ip");
    private static final SerializedString USER_AGENT = new SerializedString("userAgent");
    private static final SerializedString CLIENT_TS = new SerializedString("clientTs");
    private static final SerializedString USER_VERIFIED = new SerializedString("userVerified");

    // Entries are written into one buffer, kept between writes unless an unusually large entry grew it.
    private static final int INITIAL_BUFFER_BYTES = 64 * 1024;
    private static final int MAX_KEPT_BUFFER_BYTES = 1024 * 1024;

    private ByteArrayOutputStream out = new ByteArrayOutputStream(INITIAL_BUFFER_BYTES);

    byte[] write(List<TrackingEvent> events) {
        if (out.size() > MAX_KEPT_BUFFER_BYTES) {
            out = new ByteArrayOutputStream(INITIAL_BUFFER_BYTES);
        }
        out.reset();
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.writeStartObject();
            json.writeFieldName(REQUESTS);
            json.writeStartArray();
            TrackingEvent request = null;
            for (TrackingEvent event : events) {
                if (request == null || !sameRequest(request, event)) {
                    if (request != null) {
                        endRequest(json);
                    }
                    startRequest(json, event);
                    request = event;
                }
                writeEvent(json, event);
            }
            if (request != null) {
                endRequest(json);
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static boolean sameRequest(TrackingEvent a, TrackingEvent b) {
        return a.receivedAt().equals(b.receivedAt())
                && Objects.equals(a.ip(), b.ip())
                && Objects.equals(a.userAgent(), b.userAgent());
    }

    private static void startRequest(JsonGenerator json, TrackingEvent event) throws IOException {
        json.writeStartObject();
        json.writeFieldName(RECEIVED_AT);
        json.writeString(event.receivedAt().toString());
        optional(json, IP, event.ip());
        optional(json, USER_AGENT, event.userAgent());
        json.writeFieldName(EVENTS);
        json.writeStartArray();
    }

    private static void endRequest(JsonGenerator json) throws IOException {
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void writeEvent(JsonGenerator json, TrackingEvent event) throws IOException {
        json.writeStartObject();
        json.writeFieldName(ID);
        json.writeString(event.id());
        json.writeFieldName(TYPE);
        json.writeString(event.type());
        if (!event.ts().equals(event.receivedAt())) {
            json.writeFieldName(TS);
            json.writeString(event.ts().toString());
        }
        optional(json, DEVICE_ID, event.deviceId());
        optional(json, USER_ID, event.userId());
        optional(json, LAT, event.lat());
        optional(json, LNG, event.lng());
        optional(json, ACCURACY, event.accuracy());
        json.writeFieldName(PROPS);
        value(json, event.props());
        if (event.clientTs() != null) {
            json.writeFieldName(CLIENT_TS);
            json.writeString(event.clientTs().toString());
        }
        if (event.userVerified() != null) {
            json.writeFieldName(USER_VERIFIED);
            json.writeBoolean(event.userVerified());
        }
        json.writeEndObject();
    }

    private static void optional(JsonGenerator json, SerializedString name, String value) throws IOException {
        if (value != null) {
            json.writeFieldName(name);
            json.writeString(value);
        }
    }

    private static void optional(JsonGenerator json, SerializedString name, Double value) throws IOException {
        if (value != null) {
            json.writeFieldName(name);
            json.writeNumber(value);
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
