package io.pushtech.tracker.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A JSON Schema compiled into one walk over an instance, for the keywords the event schema uses, with their
 * constants read from the schema itself. It answers {@link Verdict#VALID} only where the reference validator
 * (networknt) accepts, {@link Verdict#INVALID} only where it rejects, and {@link Verdict#UNSURE} where this walk
 * cannot tell (a number a double does not hold exactly, {@code 1.0} for an integer): the caller then asks the
 * reference. A schema with any other keyword is refused at compile time, so the two cannot silently drift apart.
 * Thread-safe.
 */
final class CompiledSchema {

    enum Verdict {
        VALID,
        INVALID,
        UNSURE;

        Verdict and(Verdict other) {
            return this == INVALID || other == INVALID ? INVALID : this == UNSURE || other == UNSURE ? UNSURE : VALID;
        }

        Verdict or(Verdict other) {
            return this == VALID || other == VALID ? VALID : this == UNSURE || other == UNSURE ? UNSURE : INVALID;
        }

        static Verdict of(boolean valid) {
            return valid ? VALID : INVALID;
        }
    }

    private static final Set<String> ANNOTATIONS = Set.of("$schema", "$id", "title", "description", "then", "else");
    private static final long EXACT_IN_DOUBLE = 1L << 53;

    private final Rule root;

    private CompiledSchema(Rule root) {
        this.root = root;
    }

    /** @throws IllegalArgumentException when the schema uses a keyword this walk does not know */
    static CompiledSchema compile(JsonNode schema) {
        return new CompiledSchema(rule(schema));
    }

    Verdict check(JsonNode instance) {
        return root.check(instance);
    }

    private interface Rule {
        Verdict check(JsonNode node);
    }

    private static Rule rule(JsonNode schema) {
        List<Rule> rules = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> keyword = it.next();
            if (!ANNOTATIONS.contains(keyword.getKey())) {
                rules.add(keyword(keyword.getKey(), keyword.getValue(), schema));
            }
        }
        Rule[] all = rules.toArray(Rule[]::new);
        return node -> {
            Verdict verdict = Verdict.VALID;
            for (int i = 0; i < all.length && verdict != Verdict.INVALID; i++) {
                verdict = verdict.and(all[i].check(node));
            }
            return verdict;
        };
    }

    private static Rule keyword(String name, JsonNode value, JsonNode schema) {
        return switch (name) {
            case "type" -> type(value);
            case "const" -> constant(value);
            case "minimum" -> number(value.doubleValue(), true);
            case "maximum" -> number(value.doubleValue(), false);
            case "pattern" -> pattern(SchemaPattern.compile(value.textValue()));
            case "maxLength" -> maxLength(value.intValue());
            case "maxProperties" -> node -> Verdict.of(!node.isObject() || node.size() <= value.intValue());
            case "propertyNames" -> propertyNames(rule(value));
            case "properties" -> properties(rules(value));
            case "additionalProperties" -> additional(value, schema.path("properties"));
            case "required" -> required(texts(value));
            case "dependentRequired" -> dependentRequired(value);
            case "anyOf" -> anyOf(value);
            case "if" -> condition(rule(value), optional(schema.get("then")), optional(schema.get("else")));
            default -> throw new IllegalArgumentException("the compiled schema does not know the keyword " + name);
        };
    }

    private static Rule type(JsonNode value) {
        List<String> types = value.isArray() ? texts(value) : List.of(value.textValue());
        return node -> {
            Verdict verdict = Verdict.INVALID;
            for (String type : types) {
                verdict = verdict.or(isOfType(node, type));
            }
            return verdict;
        };
    }

    private static Verdict isOfType(JsonNode node, String type) {
        return switch (type) {
            case "string" -> Verdict.of(node.isTextual());
            case "number" -> Verdict.of(node.isNumber());
            // the reference may count 1.0 as an integer
            case "integer" ->
                node.isIntegralNumber() ? Verdict.VALID : node.isNumber() ? Verdict.UNSURE : Verdict.INVALID;
            case "object" -> Verdict.of(node.isObject());
            case "array" -> Verdict.of(node.isArray());
            case "boolean" -> Verdict.of(node.isBoolean());
            case "null" -> Verdict.of(node.isNull());
            default -> throw new IllegalArgumentException("unknown type " + type);
        };
    }

    private static Rule constant(JsonNode value) {
        return node -> {
            if (node.equals(value)) {
                return Verdict.VALID;
            }
            // numbers may be equal in another representation (1 and 1.0); anything else is not
            return node.isNumber() && value.isNumber() || node.isContainerNode() && value.isContainerNode()
                    ? Verdict.UNSURE
                    : Verdict.INVALID;
        };
    }

    private static Rule number(double bound, boolean minimum) {
        return node -> {
            if (!node.isNumber()) {
                return Verdict.VALID;
            }
            double value = exactDouble(node);
            if (Double.isNaN(value)) {
                return Verdict.UNSURE;
            }
            return Verdict.of(minimum ? value >= bound : value <= bound);
        };
    }

    /** The node's value when a double holds it exactly, NaN otherwise. */
    private static double exactDouble(JsonNode node) {
        if (node.isDouble() || node.isFloat()) {
            double value = node.doubleValue();
            return Double.isFinite(value) ? value : Double.NaN;
        }
        if (node.isInt() || node.isLong() || node.isShort()) {
            long value = node.longValue();
            return Math.abs(value) <= EXACT_IN_DOUBLE ? value : Double.NaN;
        }
        return Double.NaN;
    }

    private static Rule pattern(SchemaPattern pattern) {
        return node -> Verdict.of(!node.isTextual() || pattern.find(node.textValue()));
    }

    private static Rule maxLength(int max) {
        return node -> {
            if (!node.isTextual()) {
                return Verdict.VALID;
            }
            String text = node.textValue();
            return Verdict.of(text.length() <= max || text.codePointCount(0, text.length()) <= max);
        };
    }

    private static Rule propertyNames(Rule names) {
        return node -> {
            Verdict verdict = Verdict.VALID;
            for (Iterator<String> it = node.fieldNames(); it.hasNext() && verdict != Verdict.INVALID; ) {
                verdict = verdict.and(names.check(TextNode.valueOf(it.next())));
            }
            return verdict;
        };
    }

    private static Rule properties(Map<String, Rule> properties) {
        return node -> {
            Verdict verdict = Verdict.VALID;
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields();
                    it.hasNext() && verdict != Verdict.INVALID; ) {
                Map.Entry<String, JsonNode> field = it.next();
                Rule rule = properties.get(field.getKey());
                if (rule != null) {
                    verdict = verdict.and(rule.check(field.getValue()));
                }
            }
            return verdict;
        };
    }

    private static Rule additional(JsonNode value, JsonNode declared) {
        Set<String> known = new HashSet<>();
        declared.fieldNames().forEachRemaining(known::add);
        Rule extra = value.isBoolean() ? node -> Verdict.of(value.booleanValue()) : rule(value);
        return node -> {
            Verdict verdict = Verdict.VALID;
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields();
                    it.hasNext() && verdict != Verdict.INVALID; ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (!known.contains(field.getKey())) {
                    verdict = verdict.and(extra.check(field.getValue()));
                }
            }
            return verdict;
        };
    }

    private static Rule required(List<String> names) {
        return node -> {
            if (!node.isObject()) {
                return Verdict.VALID;
            }
            for (String name : names) {
                if (!node.has(name)) {
                    return Verdict.INVALID;
                }
            }
            return Verdict.VALID;
        };
    }

    private static Rule dependentRequired(JsonNode value) {
        Map<String, Rule> dependencies = new HashMap<>();
        value.fields().forEachRemaining(entry -> dependencies.put(entry.getKey(), required(texts(entry.getValue()))));
        return node -> {
            Verdict verdict = Verdict.VALID;
            for (Map.Entry<String, Rule> dependency : dependencies.entrySet()) {
                if (node.has(dependency.getKey())) {
                    verdict = verdict.and(dependency.getValue().check(node));
                }
            }
            return verdict;
        };
    }

    private static Rule anyOf(JsonNode value) {
        List<Rule> choices = new ArrayList<>();
        value.forEach(schema -> choices.add(rule(schema)));
        return node -> {
            Verdict verdict = Verdict.INVALID;
            for (int i = 0; i < choices.size() && verdict != Verdict.VALID; i++) {
                verdict = verdict.or(choices.get(i).check(node));
            }
            return verdict;
        };
    }

    private static Rule condition(Rule when, Rule then, Rule otherwise) {
        return node -> switch (when.check(node)) {
            case VALID -> then.check(node);
            case INVALID -> otherwise.check(node);
            case UNSURE -> {
                Verdict a = then.check(node);
                yield a == otherwise.check(node) ? a : Verdict.UNSURE;
            }
        };
    }

    private static Rule optional(JsonNode schema) {
        return schema == null ? node -> Verdict.VALID : rule(schema);
    }

    private static Map<String, Rule> rules(JsonNode properties) {
        Map<String, Rule> rules = new HashMap<>();
        properties.fields().forEachRemaining(entry -> rules.put(entry.getKey(), rule(entry.getValue())));
        return rules;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.textValue()));
        return texts;
    }
}
