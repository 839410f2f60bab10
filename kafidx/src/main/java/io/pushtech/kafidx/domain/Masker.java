package io.pushtech.kafidx.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.pushtech.common.Json;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Masks personal data in an event: values of fields named like a masked pattern become {@link #MASK}, coordinates
 * are rounded, and IP addresses and e-mail addresses are masked wherever they appear inside text (a JSON document
 * held in a string, as in {@code events.rejected}, is masked field by field). Ids stay as they are. Immutable and
 * thread-safe.
 */
public final class Masker {

    public static final String MASK = "***";

    private static final Pattern IPV4 = Pattern.compile("(?<![\\w.])(?:\\d{1,3}\\.){3}\\d{1,3}(?![\\w.])");
    private static final Pattern IPV6 = Pattern.compile("(?<![\\w:.])(?:(?:[0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4}"
            + "|(?:[0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{1,4})*)?::(?:[0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{1,4})*)?)"
            + "(?:%\\w+)?(?![\\w:.])");
    private static final Pattern EMAIL =
            Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    private static final int MAX_NESTED_JSON_DEPTH = 2;

    private final List<Pattern> maskedNames;
    private final Set<String> coordinateNames;
    private final int decimals;

    public Masker(MaskingPolicy policy) {
        this.maskedNames = policy.maskedFields().stream().map(Masker::glob).toList();
        this.coordinateNames = policy.coordinateFields().stream()
                .map(name -> name.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        this.decimals = policy.decimals();
    }

    /** Whether the values of a field of this name are masked. */
    public boolean isMasked(String fieldName) {
        return maskedNames.stream().anyMatch(p -> p.matcher(fieldName).matches());
    }

    /** A masked copy of {@code event}; the argument is left as it was. */
    public JsonNode mask(JsonNode event) {
        return mask(event, 0);
    }

    /** {@code text} with the IP and e-mail addresses it contains masked. */
    public String maskText(String text) {
        String masked = IPV4.matcher(text).replaceAll(MASK);
        masked = IPV6.matcher(masked).replaceAll(MASK);
        return EMAIL.matcher(masked).replaceAll(MASK);
    }

    private JsonNode mask(JsonNode node, int nestedJsonDepth) {
        if (node.isObject()) {
            ObjectNode masked = JsonNodeFactory.instance.objectNode();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                masked.set(field.getKey(), maskField(field.getKey(), field.getValue(), nestedJsonDepth));
            }
            return masked;
        }
        if (node.isArray()) {
            ArrayNode masked = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> masked.add(mask(element, nestedJsonDepth)));
            return masked;
        }
        if (node.isTextual()) {
            return TextNode.valueOf(maskString(node.asText(), nestedJsonDepth));
        }
        return node;
    }

    private JsonNode maskField(String name, JsonNode value, int nestedJsonDepth) {
        if (isMasked(name) && !value.isNull()) {
            return TextNode.valueOf(MASK);
        }
        if (coordinateNames.contains(name.toLowerCase(Locale.ROOT))) {
            return round(value);
        }
        return mask(value, nestedJsonDepth);
    }

    private JsonNode round(JsonNode value) {
        if (value.isNumber()) {
            return DoubleNode.valueOf(value.decimalValue()
                    .setScale(decimals, RoundingMode.HALF_UP)
                    .doubleValue());
        }
        if (value.isArray()) {
            ArrayNode rounded = JsonNodeFactory.instance.arrayNode();
            value.forEach(element -> rounded.add(round(element)));
            return rounded;
        }
        if (value.isTextual()) {
            try {
                return round(DecimalNode.valueOf(new BigDecimal(value.asText().strip())));
            } catch (NumberFormatException e) {
                return TextNode.valueOf(maskText(value.asText()));
            }
        }
        return mask(value, 0);
    }

    private String maskString(String text, int nestedJsonDepth) {
        String stripped = text.strip();
        if (nestedJsonDepth < MAX_NESTED_JSON_DEPTH && (stripped.startsWith("{") || stripped.startsWith("["))) {
            try {
                return Json.toText(mask(Json.tree(stripped.getBytes(StandardCharsets.UTF_8)), nestedJsonDepth + 1));
            } catch (RuntimeException notJson) {
                // plain text that merely starts like JSON: masked as text below
            }
        }
        return maskText(text);
    }

    private static Pattern glob(String pattern) {
        List<String> parts = new ArrayList<>();
        for (String literal : pattern.split("\\*", -1)) {
            parts.add(Pattern.quote(literal));
        }
        return Pattern.compile(String.join(".*", parts), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
}
