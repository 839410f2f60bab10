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
        Rejection rejected = walk.visit(event, 0);
        if (rejected == null && walk.size > limits.maxEventBytes()) {
            rejected =
                    new Rejection("event_too_large", null, "an event is at most " + limits.maxEventBytes() + " bytes");
        }
        return Optional.ofNullable(rejected);
    }

    /**
     * One event's walk; each step answers the first limit broken there, {@code null} when none. The way down to the
     * current value is kept in {@code steps} (a field name or an array index per level) and written out as a path
     * ({@code props.a[2]}) only for a rejection.
     */
    private final class Walk {
        private final Object[] steps = new Object[limits.maxDepth() + 2];
        private long size;

        Rejection visit(JsonNode node, int depth) {
            if (depth > limits.maxDepth()) {
                return new Rejection(
                        "too_deep", path(depth), "events nest at most " + limits.maxDepth() + " levels deep");
            }
            if (node.isTextual()) {
                return text(node.textValue(), depth);
            }
            if (node.isFloatingPointNumber() && !Double.isFinite(node.doubleValue())) {
                return new Rejection("out_of_range", path(depth), "numbers lie within ±1.7976931348623157e308");
            }
            size += node.isContainerNode() ? 2 : 8;
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                steps[depth + 1] = field.getKey();
                Rejection rejected = text(field.getKey(), depth + 1);
                if (rejected == null) {
                    rejected = visit(field.getValue(), depth + 1);
                }
                if (rejected != null) {
                    return rejected;
                }
            }
            for (int i = 0; node.isArray() && i < node.size(); i++) {
                steps[depth + 1] = i;
                Rejection rejected = visit(node.get(i), depth + 1);
                if (rejected != null) {
                    return rejected;
                }
            }
            return null;
        }

        private Rejection text(String value, int depth) {
            size += value.length() + 3;
            if (value.length() > limits.maxStringLength()) {
                return new Rejection(
                        "string_too_long",
                        path(depth),
                        "strings are at most " + limits.maxStringLength() + " characters");
            }
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '\uFFFD' || Character.isLowSurrogate(c)) {
                    return new Rejection("invalid_utf8", path(depth), "the text is not valid UTF-8");
                }
                if (Character.isHighSurrogate(c)) {
                    if (i + 1 == value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                        return new Rejection("invalid_utf8", path(depth), "the text is not valid UTF-8");
                    }
                    i++;
                }
                if (Character.isISOControl(c) && c != '\t') {
                    return new Rejection(
                            "control_character", path(depth), "control characters such as line breaks are not allowed");
                }
            }
            return null;
        }

        private String path(int depth) {
            StringBuilder path = new StringBuilder();
            for (int level = 1; level <= depth; level++) {
                if (steps[level] instanceof String field) {
                    path.append(path.isEmpty() ? "" : ".").append(field);
                } else {
                    path.append('[').append(steps[level]).append(']');
                }
            }
            return path.toString();
        }
    }
}
