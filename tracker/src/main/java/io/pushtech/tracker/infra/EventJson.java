package io.pushtech.tracker.infra;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
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
 * every {@link Instant} were most of the stream writer's work. Field names are encoded once; the events of one
 * request share their receive time (and usually their time), address and user agent, so the last of each is kept
 * encoded too, and the buffer an entry is written into is reused. Not thread-safe: one per writer thread.
 */
final class EventJson {

    private static final JsonFactory FACTORY = Json.factory();
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

    // Entries are written into one buffer, kept between writes unless an unusually large entry grew it.
    private static final int INITIAL_BUFFER_BYTES = 64 * 1024;
    private static final int MAX_KEPT_BUFFER_BYTES = 1024 * 1024;

    private ByteArrayOutputStream out = new ByteArrayOutputStream(INITIAL_BUFFER_BYTES);
    private Instant lastInstant;
    private SerializedString lastInstantText;
    private final LastText lastIp = new LastText();
    private final LastText lastUserAgent = new LastText();

    byte[] write(List<TrackingEvent> events) {
        if (out.size() > MAX_KEPT_BUFFER_BYTES) {
            out = new ByteArrayOutputStream(INITIAL_BUFFER_BYTES);
        }
        out.reset();
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
        json.writeFieldName(ID);
        json.writeString(event.id());
        json.writeFieldName(TYPE);
        json.writeString(event.type());
        json.writeFieldName(TS);
        json.writeString(text(event.ts()));
        json.writeFieldName(RECEIVED_AT);
        json.writeString(text(event.receivedAt()));
        optional(json, DEVICE_ID, event.deviceId());
        optional(json, USER_ID, event.userId());
        optional(json, LAT, event.lat());
        optional(json, LNG, event.lng());
        optional(json, ACCURACY, event.accuracy());
        json.writeFieldName(PROPS);
        value(json, event.props());
        if (event.ip() != null) {
            json.writeFieldName(IP);
            json.writeString(lastIp.of(event.ip()));
        }
        if (event.userAgent() != null) {
            json.writeFieldName(USER_AGENT);
            json.writeString(lastUserAgent.of(event.userAgent()));
        }
        if (event.clientTs() != null) {
            json.writeFieldName(CLIENT_TS);
            json.writeString(text(event.clientTs()));
        }
        json.writeEndObject();
    }

    private SerializedString text(Instant instant) {
        if (!instant.equals(lastInstant)) {
            lastInstant = instant;
            lastInstantText = new SerializedString(instant.toString());
        }
        return lastInstantText;
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

    /** The last text seen, encoded once for as long as the same text follows. */
    private static final class LastText {
        private String text;
        private SerializedString encoded;

        SerializedString of(String value) {
            if (!value.equals(text)) {
                text = value;
                encoded = new SerializedString(value);
            }
            return encoded;
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
