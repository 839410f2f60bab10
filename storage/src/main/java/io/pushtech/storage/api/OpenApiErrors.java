package io.pushtech.storage.api;

import io.pushtech.common.http.ApiException;
import io.vertx.json.schema.OutputUnit;
import io.vertx.openapi.validation.SchemaValidationException;
import io.vertx.openapi.validation.ValidatorErrorType;
import io.vertx.openapi.validation.ValidatorException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns an OpenAPI validation failure into the API's error: the JSON Schema keyword that failed gives
 * the code, the failing value's location (a JSON pointer in the body, or the parameter's name) the
 * field. The validator names a failing parameter only in its message, so the name is read from there.
 */
final class OpenApiErrors {

    private static final Map<String, String> CODES = Map.ofEntries(
            Map.entry("type", "invalid_type"),
            Map.entry("minimum", "out_of_range"),
            Map.entry("maximum", "out_of_range"),
            Map.entry("exclusiveMinimum", "out_of_range"),
            Map.entry("exclusiveMaximum", "out_of_range"),
            Map.entry("maxLength", "too_long"),
            Map.entry("minLength", "missing"),
            Map.entry("maxItems", "too_many"),
            Map.entry("pattern", "invalid"),
            Map.entry("format", "invalid"),
            Map.entry("enum", "invalid"),
            Map.entry("const", "invalid"),
            Map.entry("additionalProperties", "unknown_field"),
            Map.entry("required", "missing"));

    private static final Pattern PARAMETER = Pattern.compile("(?:query|path|header|cookie) parameter (\\S+)");
    private static final Pattern REQUIRED = Pattern.compile("required property \"([^\"]+)\"");

    private OpenApiErrors() {}

    static ApiException toApiException(Throwable failure) {
        if (!(failure instanceof ValidatorException e)) {
            return new ApiException(500, "internal_error", "the request could not be validated");
        }
        Optional<String> parameter = match(PARAMETER, e.getMessage());
        if (e instanceof SchemaValidationException schema && schema.getOutputUnit() != null) {
            return fromSchema(schema.getOutputUnit(), parameter);
        }
        String field = parameter.orElse(null);
        ValidatorErrorType type = e.type();
        if (type == ValidatorErrorType.MISSING_REQUIRED_PARAMETER) {
            return parameter.isPresent()
                    ? ApiException.badRequest("missing", field + " is required", field)
                    : ApiException.badRequest("missing_body", "a JSON object body is required", null);
        }
        if (parameter.isEmpty() && type == ValidatorErrorType.ILLEGAL_VALUE) {
            return ApiException.badRequest("malformed_json", "the body is not valid JSON", null);
        }
        if (parameter.isEmpty() && type == ValidatorErrorType.UNSUPPORTED_VALUE_FORMAT) {
            return new ApiException(
                    415, "unsupported_media_type", "the body must be JSON, sent with Content-Type: application/json");
        }
        return ApiException.badRequest(
                "invalid_type", (field == null ? "the request" : field) + " is not of the documented form", field);
    }

    private static ApiException fromSchema(OutputUnit result, Optional<String> parameter) {
        OutputUnit unit = mostSpecific(result);
        String keyword = keyword(unit);
        String code = CODES.getOrDefault(keyword, "invalid");
        String field = parameter.orElseGet(() -> field(unit, keyword));
        String message = (field == null ? "the body" : field) + ": " + unit.getError();
        return ApiException.badRequest(code, message, field);
    }

    /**
     * The error deepest in the value (the one that names the field, not the object around it), and there
     * the one of a value rule: the validator also reports a property that failed its own schema as not
     * matching {@code additionalProperties}, which would read as an unknown field.
     */
    private static OutputUnit mostSpecific(OutputUnit result) {
        List<OutputUnit> errors = result.getErrors();
        if (errors == null || errors.isEmpty()) {
            return result;
        }
        int deepest = errors.stream()
                .mapToInt(u -> depth(u.getInstanceLocation()))
                .max()
                .orElse(0);
        List<OutputUnit> there = errors.stream()
                .filter(u -> depth(u.getInstanceLocation()) == deepest)
                .toList();
        return there.stream()
                .filter(u -> CODES.containsKey(keyword(u)) && !keyword(u).equals("additionalProperties"))
                .findFirst()
                .or(() -> there.stream()
                        .filter(u -> keyword(u).equals("additionalProperties"))
                        .findFirst())
                .orElse(there.get(there.size() - 1));
    }

    private static String keyword(OutputUnit unit) {
        String location = String.valueOf(unit.getKeywordLocation());
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /** A JSON pointer as the API's dotted field name ({@code /location/lat} → {@code location.lat}). */
    private static String field(OutputUnit unit, String keyword) {
        String pointer = unit.getInstanceLocation() == null ? "" : unit.getInstanceLocation();
        String path = pointer.replaceFirst("^#?/?", "").replace('/', '.');
        if (keyword.equals("required")) {
            Optional<String> property = match(REQUIRED, unit.getError());
            if (property.isPresent()) {
                return path.isEmpty() ? property.get() : path + "." + property.get();
            }
        }
        return path.isEmpty() ? null : path;
    }

    private static int depth(String pointer) {
        return pointer == null ? 0 : (int) pointer.chars().filter(c -> c == '/').count();
    }

    private static Optional<String> match(Pattern pattern, String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = pattern.matcher(text);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
