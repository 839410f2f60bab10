package io.pushtech.kafidx.domain;

import com.fasterxml.jackson.databind.JsonNode;
import io.pushtech.common.Json;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A filter on events, parsed from the text a developer types: terms separated by spaces, all of which must hold.
 * {@code path=value} (equal), {@code path!=value} (not equal), {@code path~text} (contains, ignoring case), or a bare
 * {@code text} found anywhere in the event. A path names a field, dots going into nested objects
 * ({@code geo.country}); through an array any element may match. Values with spaces are quoted ({@code
 * city="New York"}). It is evaluated on the masked event, and a path through a masked field is refused, so a
 * filter cannot find out a masked value. Immutable and thread-safe.
 */
public final class EventFilter {

    public static final int MAX_LENGTH = 1000;
    public static final int MAX_TERMS = 20;
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_$@-]+");
    private static final EventFilter ALL = new EventFilter("", List.of());

    private final String text;
    private final List<Term> terms;

    private EventFilter(String text, List<Term> terms) {
        this.text = text;
        this.terms = List.copyOf(terms);
    }

    public static EventFilter all() {
        return ALL;
    }

    /**
     * Parses {@code text}; {@code masked} says which field names are masked.
     *
     * @throws InvalidFilterException when the text is not a filter or names a masked field
     */
    public static EventFilter parse(String text, Predicate<String> masked) {
        if (text.length() > MAX_LENGTH) {
            throw invalid("a filter is at most " + MAX_LENGTH + " characters");
        }
        List<Term> terms = new ArrayList<>();
        for (String token : FilterTokens.split(text)) {
            if (terms.size() == MAX_TERMS) {
                throw invalid("a filter has at most " + MAX_TERMS + " terms");
            }
            terms.add(term(token, masked));
        }
        return terms.isEmpty() ? ALL : new EventFilter(text.strip(), terms);
    }

    /** Whether {@code event} (already masked) passes every term. */
    public boolean matches(JsonNode event) {
        for (Term term : terms) {
            if (!term.test(event)) {
                return false;
            }
        }
        return true;
    }

    /** The filter as the developer typed it, without surrounding spaces. */
    public String text() {
        return text;
    }

    private static Term term(String token, Predicate<String> masked) {
        var operator = FilterTokens.operator(token);
        if (operator.isEmpty()) {
            return new Text(FilterTokens.unquote(token).toLowerCase(Locale.ROOT));
        }
        FilterTokens.Split split = operator.get();
        String path = split.left();
        if (path.isEmpty()) {
            throw invalid("'" + token + "' has no field name before '" + split.operator() + "'");
        }
        String[] segments = path.split("\\.", -1);
        for (String segment : segments) {
            if (!SEGMENT.matcher(segment).matches()) {
                throw invalid("'" + path + "' is not a field name (letters, digits, _ $ @ -, dots between levels)");
            }
            if (masked.test(segment)) {
                throw new InvalidFilterException(
                        "masked_field", "'" + segment + "' is masked: kafidx does not filter on masked fields");
            }
        }
        String value = FilterTokens.unquote(split.right());
        if (value.isEmpty() && !split.right().startsWith("\"")) {
            throw invalid("'" + token + "' has no value after '" + split.operator() + "' (quote an empty one: \"\")");
        }
        return switch (split.operator()) {
            case "=" -> new Equals(List.of(segments), value);
            case "!=" -> event -> !new Equals(List.of(segments), value).test(event);
            default -> new Contains(List.of(segments), value.toLowerCase(Locale.ROOT));
        };
    }

    private static InvalidFilterException invalid(String message) {
        return new InvalidFilterException("invalid_filter", message);
    }

    private interface Term {
        boolean test(JsonNode event);
    }

    private record Text(String needle) implements Term {
        @Override
        public boolean test(JsonNode event) {
            return Json.toText(event).toLowerCase(Locale.ROOT).contains(needle);
        }
    }

    private record Equals(List<String> path, String value) implements Term {
        @Override
        public boolean test(JsonNode event) {
            return anyAt(event, path, 0, node -> equal(node, value));
        }
    }

    private record Contains(List<String> path, String needle) implements Term {
        @Override
        public boolean test(JsonNode event) {
            return anyAt(event, path, 0, node -> (node.isValueNode() ? node.asText() : Json.toText(node))
                    .toLowerCase(Locale.ROOT)
                    .contains(needle));
        }
    }

    private static boolean anyAt(JsonNode node, List<String> path, int depth, Predicate<JsonNode> test) {
        if (node.isArray()) {
            for (JsonNode element : node) {
                if (anyAt(element, path, depth, test)) {
                    return true;
                }
            }
            return false;
        }
        if (depth == path.size()) {
            return test.test(node);
        }
        JsonNode child = node.isObject() ? node.get(path.get(depth)) : null;
        return child != null && anyAt(child, path, depth + 1, test);
    }

    private static boolean equal(JsonNode node, String value) {
        if (node.isNumber()) {
            try {
                return node.decimalValue().compareTo(new BigDecimal(value)) == 0;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return node.isValueNode() && node.asText().equals(value);
    }
}
