package io.pushtech.common;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.UncheckedIOException;

/**
 * JSON mapping of the platform's records: ISO-8601 times, unknown fields tolerated, nothing after the value.
 * Thread-safe.
 */
public final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
                    .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
                    .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
                    .build())
            .registerModule(new JavaTimeModule())
            .registerModule(new CanonicalInstantModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);

    private Json() {}

    public static byte[] toBytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String toText(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses {@code json}; throws {@link UncheckedIOException} when it is not a valid {@code type}. */
    public static <T> T parse(byte[] json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses {@code json} into a tree; throws {@link UncheckedIOException} when it is not well-formed JSON. */
    public static JsonNode tree(byte[] json) {
        try {
            return MAPPER.readTree(json);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The record that {@code tree} describes. */
    public static <T> T convert(JsonNode tree, Class<T> type) {
        return MAPPER.convertValue(tree, type);
    }

    /** A streaming parser over {@code json}, for reading large documents piece by piece. */
    public static JsonParser parser(String json) {
        try {
            return MAPPER.createParser(json);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The factory of the mapper's parsers and generators, for code that writes JSON token by token the same way. */
    public static JsonFactory factory() {
        return MAPPER.getFactory();
    }

    /** A reader of {@code type} values, e.g. from a {@link #parser}. */
    public static ObjectReader reader(Class<?> type) {
        return MAPPER.readerFor(type);
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static <T> T parse(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
