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
        Rejection rejected = walk.visit(event, Path.ROOT, 0);
        if (rejected == null && walk.size > limits.maxEventBytes()) {
            rejected =
                    new Rejection("event_too_large", null, "an event is at most " + limits.maxEventBytes() + " bytes");
        }
        return Optional.ofNullable(rejected);
    }

    /** Where a value sits in the event ({@code props.a[2]}), written out only for a rejection. */
    private record Path(Path parent, String field, int index) {

        static final Path ROOT = new Path(null, null, -1);

        Path child(String name) {
            return new Path(this, name, -1);
        }

        Path element(int i) {
            return new Path(this, null, i);
        }

        @Override
        public String toString() {
            if (parent == null) {
                return "";
            }
            String above = parent.toString();
            if (field == null) {
                return above + "[" + index + "]";
            }
            return above.isEmpty() ? field : above + "." + field;
        }
    }

    /** One event's walk; each step answers the first limit broken there, {@code null} when none. */
    private final class Walk {
        private long size;

        Rejection visit(JsonNode node, Path path, int depth) {
            if (depth > limits.maxDepth()) {
                return new Rejection(
                        "too_deep", path.toString(), "events nest at most " + limits.maxDepth() + " levels deep");
            }
            if (node.isTextual()) {
                return text(node.textValue(), path);
            }
            size += node.isContainerNode() ? 2 : 8;
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                Path child = path.child(field.getKey());
                Rejection rejected = text(field.getKey(), child);
                if (rejected == null) {
                    rejected = visit(field.getValue(), child, depth + 1);
                }
                if (rejected != null) {
                    return rejected;
                }
            }
            for (int i = 0; node.isArray() && i < node.size(); i++) {
                Rejection rejected = visit(node.get(i), path.element(i), depth + 1);
                if (rejected != null) {
                    return rejected;
                }
            }
            return null;
        }

        private Rejection text(String value, Path path) {
            size += value.length() + 3;
            if (value.length() > limits.maxStringLength()) {
                return new Rejection(
                        "string_too_long",
                        path.toString(),
                        "strings are at most " + limits.maxStringLength() + " characters");
            }
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '\uFFFD') {
                    return new Rejection("invalid_utf8", path.toString(), "the text is not valid UTF-8");
                }
                if (Character.isISOControl(c) && c != '\t') {
                    return new Rejection(
                            "control_character",
                            path.toString(),
                            "control characters such as line breaks are not allowed");
                }
            }
            return null;
        }
    }
}
