package io.pushtech.storage.api;

import io.pushtech.common.http.ApiException;
import io.pushtech.common.http.JsonBodies;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.Set;

/**
 * Checks a request body against the shapes of {@code openapi.yaml}: a JSON object with only the
 * writable fields of the kind, each of its declared type ({@code null} clears an optional field on
 * PATCH), sent as valid UTF-8. Value rules are checked by the domain records (ranges, lengths) and by
 * {@link WrittenValues} (text, currency, expiry). Runs on the event loop.
 */
final class RequestReader {

    enum Type {
        STRING,
        NUMBER,
        BOOLEAN,
        LOCATION,
        PRICE,
        STRINGS
    }

    private RequestReader() {}

    static JsonObject read(RoutingContext ctx, Map<String, Type> fields, Set<String> required) {
        String text = JsonBodies.text(ctx);
        if (text.isBlank()) {
            throw ApiException.badRequest("missing_body", "a JSON object body is required", null);
        }
        JsonObject body;
        try {
            body = new JsonObject(text);
        } catch (DecodeException | ClassCastException e) {
            throw ApiException.badRequest("malformed_json", "the body is not a JSON object", null);
        }
        for (String name : body.fieldNames()) {
            Type type = fields.get(name);
            if (type == null) {
                throw ApiException.badRequest("unknown_field", "unknown field " + name, name);
            }
            Object value = body.getValue(name);
            if (value != null) {
                check(name, type, value);
            }
        }
        for (String name : required) {
            if (body.getValue(name) == null) {
                throw ApiException.badRequest("missing", name + " is required", name);
            }
        }
        return body;
    }

    private static void check(String name, Type type, Object value) {
        switch (type) {
            case STRING -> require(value instanceof String, name, "a string");
            case NUMBER -> require(value instanceof Number, name, "a number");
            case BOOLEAN -> require(value instanceof Boolean, name, "true or false");
            case STRINGS -> {
                require(value instanceof JsonArray, name, "an array of strings");
                ((JsonArray) value).forEach(v -> require(v instanceof String, name, "an array of strings"));
            }
            case LOCATION -> object(name, value, Map.of("lat", Type.NUMBER, "lng", Type.NUMBER));
            case PRICE -> object(name, value, Map.of("amount", Type.NUMBER, "currency", Type.STRING));
        }
    }

    private static void object(String name, Object value, Map<String, Type> members) {
        require(value instanceof JsonObject, name, "an object with " + String.join(" and ", members.keySet()));
        JsonObject object = (JsonObject) value;
        for (String member : object.fieldNames()) {
            if (!members.containsKey(member)) {
                throw ApiException.badRequest(
                        "unknown_field", "unknown field " + name + "." + member, name + "." + member);
            }
        }
        members.forEach((member, type) -> {
            Object v = object.getValue(member);
            if (v == null) {
                throw ApiException.badRequest("missing", name + "." + member + " is required", name + "." + member);
            }
            check(name + "." + member, type, v);
        });
    }

    private static void require(boolean ok, String name, String what) {
        if (!ok) {
            throw ApiException.badRequest("invalid_type", name + " must be " + what, name);
        }
    }
}
