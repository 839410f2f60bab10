package io.pushtech.storage.api;

import io.pushtech.common.http.ApiException;
import io.pushtech.storage.domain.GeoPoint;
import io.pushtech.storage.domain.Ids;
import io.pushtech.storage.domain.InvalidItemException;
import io.pushtech.storage.domain.Keywords;
import io.pushtech.storage.domain.NearbyQuery;
import io.vertx.core.MultiMap;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Reads a nearby query from {@code lat, lng, radius, q, category, limit, cursor}, and writes the cursor
 * of the next page: the distance and id of a page's last item, base64url-encoded and opaque to clients.
 */
final class NearbyParams {

    static final int DEFAULT_LIMIT = 20;

    private NearbyParams() {}

    static NearbyQuery read(MultiMap params) {
        try {
            return parse(params);
        } catch (InvalidItemException e) {
            throw ApiException.badRequest(e.code(), e.getMessage(), e.field().replace("location.", ""));
        }
    }

    private static NearbyQuery parse(MultiMap params) {
        GeoPoint center = new GeoPoint(number(params, "lat"), number(params, "lng"));
        double radius = number(params, "radius");
        int limit =
                params.contains("limit") ? (int) Math.min(Integer.MAX_VALUE, number(params, "limit")) : DEFAULT_LIMIT;
        Optional<String> category = Optional.ofNullable(params.get("category")).filter(c -> !c.isBlank());
        return new NearbyQuery(
                center, radius, Keywords.terms(params.get("q")), category, cursor(params.get("cursor")), limit);
    }

    static String cursor(double distance, String id) {
        String text = Double.toString(distance) + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static Optional<NearbyQuery.Position> cursor(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8);
            int bar = text.indexOf('|');
            double distance = Double.parseDouble(text.substring(0, bar));
            String id = text.substring(bar + 1);
            if (Double.isFinite(distance) && distance >= 0 && Ids.isValid(id)) {
                return Optional.of(new NearbyQuery.Position(distance, id));
            }
        } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
            // Not base64, or not a distance and an id: refused below like any other forged cursor.
        }
        throw ApiException.badRequest("invalid_cursor", "cursor is not one this API returned", "cursor");
    }

    private static double number(MultiMap params, String name) {
        String value = params.get(name);
        if (value == null) {
            throw ApiException.badRequest("missing", name + " is required", name);
        }
        try {
            double number = Double.parseDouble(value);
            if (!Double.isFinite(number)) {
                throw new NumberFormatException(value);
            }
            return number;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("invalid_type", name + " must be a number", name);
        }
    }
}
