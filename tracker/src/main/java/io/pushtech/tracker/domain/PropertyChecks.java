package io.pushtech.tracker.domain;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Limits the JSON Schema cannot express: nesting depth, string length and characters anywhere in an event, and
 * its overall size. Pure and thread-safe.
 */
public final class PropertyChecks {

    private final EventLimits limits;

    public PropertyChecks(EventLimits limits) {
        this.limits = limits;
    }

    public Optional<Rejection> check(JsonNode event) {
        Walk walk = new Walk();
        return walk.visit(event, "", 0)
                .or(() -> walk.size > limits.maxEventBytes()
                        ? Optional.of(new Rejection(
                                "event_too_large", null, "an event is at most " + limits.maxEventBytes() + " bytes"))
                        : Optional.empty());
    }

    private final class Walk {
        private long size;

        Optional<Rejection> visit(JsonNode node, String path, int depth) {
            if (depth > limits.maxDepth()) {
                return Optional.of(
                        new Rejection("too_deep", path, "events nest at most " + limits.maxDepth() + " levels deep"));
            }
            if (node.isTextual()) {
                return text(node.textValue(), path);
            }
            size += node.isContainerNode() ? 2 : 8;
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                String child = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                Optional<Rejection> rejected =
                        text(field.getKey(), child).or(() -> visit(field.getValue(), child, depth + 1));
                if (rejected.isPresent()) {
                    return rejected;
                }
            }
            for (int i = 0; node.isArray() && i < node.size(); i++) {
                Optional<Rejection> rejected = visit(node.get(i), path + "[" + i + "]", depth + 1);
                if (rejected.isPresent()) {
                    return rejected;
                }
            }
            return Optional.empty();
        }

        private Optional<Rejection> text(String value, String path) {
            size += value.length() + 3;
            if (value.length() > limits.maxStringLength()) {
                return Optional.of(new Rejection(
                        "string_too_long", path, "strings are at most " + limits.maxStringLength() + " characters"));
            }
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '\uFFFD') {
                    return Optional.of(new Rejection("invalid_utf8", path, "the text is not valid UTF-8"));
                }
                if (Character.isISOControl(c) && c != '\t') {
                    return Optional.of(new Rejection(
                            "control_character", path, "control characters such as line breaks are not allowed"));
                }
            }
            return Optional.empty();
        }
    }
}
