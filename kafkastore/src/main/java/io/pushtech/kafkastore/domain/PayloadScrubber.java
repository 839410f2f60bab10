package io.pushtech.kafkastore.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pushtech.common.Json;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies the privacy rules to the original payload of a rejected event before it goes to {@code events.rejected}:
 * its {@code ip} is anonymized (or dropped), its denied properties are dropped or hashed, and in a payload that is
 * not a JSON object every address literal is anonymized, so a rejection never carries a raw address. Thread-safe.
 */
public final class PayloadScrubber {

    private static final Pattern ADDRESS_CANDIDATE = Pattern.compile("[0-9a-fA-F:.]{7,45}");

    private final IpAnonymizer anonymizer;
    private final PropertyFilter properties;

    public PayloadScrubber(IpAnonymizer anonymizer, PropertyFilter properties) {
        this.anonymizer = anonymizer;
        this.properties = properties;
    }

    public String scrub(String payload) {
        Optional<ObjectNode> event = object(payload);
        return event.isPresent() ? scrubEvent(event.get()).toString() : anonymizeAddresses(payload);
    }

    @SuppressWarnings("unchecked")
    private ObjectNode scrubEvent(ObjectNode event) {
        JsonNode ip = event.get("ip");
        if (ip != null) {
            Optional<String> masked = ip.isTextual() ? anonymizer.anonymize(ip.textValue()) : Optional.empty();
            masked.ifPresentOrElse(m -> event.put("ip", m), () -> event.remove("ip"));
        }
        JsonNode props = event.get("props");
        if (props != null && props.isObject()) {
            event.set("props", Json.tree(Json.toBytes(properties.filter(Json.convert(props, Map.class)))));
        }
        return event;
    }

    private String anonymizeAddresses(String text) {
        return ADDRESS_CANDIDATE
                .matcher(text)
                .replaceAll(match -> Matcher.quoteReplacement(
                        anonymizer.anonymize(match.group()).orElse(match.group())));
    }

    private static Optional<ObjectNode> object(String payload) {
        try {
            JsonNode node = Json.tree(payload.getBytes(StandardCharsets.UTF_8));
            return node instanceof ObjectNode object ? Optional.of(object) : Optional.empty();
        } catch (UncheckedIOException e) {
            return Optional.empty();
        }
    }
}
