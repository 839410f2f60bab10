package io.pushtech.storage.api;

import io.pushtech.common.http.ApiException;
import io.pushtech.storage.domain.InputRules;
import io.pushtech.storage.domain.InvalidItemException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Applies the {@link InputRules} to the values a create or PATCH body sets, on top of the shapes
 * {@link RequestReader} checked: every string is valid text ({@code description} may span lines), a price's
 * currency is known and an expiry lies ahead. Fields the body does not set are not checked. Runs on the event loop.
 */
final class WrittenValues {

    private static final String MULTILINE = "description";

    private WrittenValues() {}

    static void check(JsonObject body, Instant now) {
        try {
            body.forEach(field ->
                    text(field.getKey(), field.getValue(), field.getKey().equals(MULTILINE)));
            JsonObject price = body.getJsonObject("price");
            if (price != null) {
                InputRules.requireCurrency(price.getString("currency"), "price.currency");
            }
            String expiresAt = body.getString("expiresAt");
            if (expiresAt != null) {
                expiry(expiresAt, now);
            }
        } catch (InvalidItemException e) {
            throw ApiException.badRequest(e.code(), e.getMessage(), e.field());
        }
    }

    private static void text(String field, Object value, boolean multiline) {
        if (value instanceof String text) {
            InputRules.requireText(text, field, multiline);
        } else if (value instanceof JsonObject object) {
            object.forEach(member -> text(field + "." + member.getKey(), member.getValue(), multiline));
        } else if (value instanceof JsonArray array) {
            array.forEach(element -> text(field, element, multiline));
        }
    }

    private static void expiry(String value, Instant now) {
        try {
            InputRules.requireFuture(Instant.parse(value), now, "expiresAt");
        } catch (DateTimeParseException e) {
            // Not an instant: the codec names the field with the form it expects.
        }
    }
}
