package io.pushtech.tracker.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.pushtech.common.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The tracking event's JSON Schema ({@code schema/tracking-event.schema.json}, the same file client developers
 * read), and the mapping of its violations to stable reason codes. The networknt validator is the reference; a
 * {@link CompiledSchema} of the same file clears valid events without it. Thread-safe.
 */
public final class EventSchema {

    public static final String RESOURCE = "/schema/tracking-event.schema.json";

    private static final Map<String, String> CODES = Map.ofEntries(
            Map.entry("type", "wrong_type"),
            Map.entry("minimum", "out_of_range"),
            Map.entry("maximum", "out_of_range"),
            Map.entry("required", "missing_field"),
            Map.entry("dependentRequired", "missing_field"),
            Map.entry("anyOf", "missing_device"),
            Map.entry("additionalProperties", "unknown_field"),
            Map.entry("pattern", "invalid_format"),
            Map.entry("maxProperties", "too_many_properties"),
            Map.entry("maxLength", "name_too_long"),
            Map.entry("propertyNames", "name_too_long"));

    private final CompiledSchema compiled;
    private final JsonSchema reference;

    private EventSchema(JsonNode schema) {
        this.compiled = CompiledSchema.compile(schema);
        this.reference =
                JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema);
    }

    public static EventSchema load() {
        try (InputStream in = EventSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            return new EventSchema(Json.tree(in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The first rule {@code event} breaks, if any. The compiled schema clears a valid event in one walk; anything
     * else goes to the networknt validator, which names the violation.
     */
    public Optional<Rejection> check(JsonNode event) {
        return compiled.check(event) == CompiledSchema.Verdict.VALID ? Optional.empty() : reference(event);
    }

    /** What the networknt validator alone says of {@code event}. */
    Optional<Rejection> reference(JsonNode event) {
        Set<ValidationMessage> violations = reference.validate(event);
        return violations.stream().findFirst().map(EventSchema::toRejection);
    }

    private static Rejection toRejection(ValidationMessage violation) {
        if (violation.getEvaluationPath().toString().contains("anyOf")) {
            return new Rejection("missing_device", null, "an event needs a deviceId or a userId");
        }
        String code = CODES.getOrDefault(violation.getType(), "invalid_event");
        return new Rejection(code, fieldOf(violation), violation.getMessage().replaceFirst("^\\$\\.?", ""));
    }

    private static String fieldOf(ValidationMessage violation) {
        // dependentRequired reports the present property; the client needs the missing one, its first argument
        if ("dependentRequired".equals(violation.getType()) && violation.getArguments().length > 0) {
            return String.valueOf(violation.getArguments()[0]);
        }
        if (violation.getProperty() != null) {
            return violation.getProperty();
        }
        String location = violation.getInstanceLocation().toString().replaceFirst("^\\$\\.?", "");
        return location.isEmpty() ? null : location;
    }
}
