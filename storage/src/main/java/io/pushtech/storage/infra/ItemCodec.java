package io.pushtech.storage.infra;

import io.pushtech.storage.domain.GeoPoint;
import io.pushtech.storage.domain.InvalidItemException;
import io.pushtech.storage.domain.Offer;
import io.pushtech.storage.domain.Price;
import io.pushtech.storage.domain.Region;
import io.pushtech.storage.domain.Search;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The JSON shape of searches and offers, the same in API responses, on the {@code searches} and
 * {@code offers} topics and in MongoDB documents. Decoding leaves value checks to the domain records.
 */
public final class ItemCodec {

    private ItemCodec() {}

    public static JsonObject toJson(Search s) {
        JsonObject json =
                new JsonObject().put("id", s.id()).put("ownerId", s.ownerId()).put("keywords", s.keywords());
        s.category().ifPresent(c -> json.put("category", c));
        json.put("location", location(s.region().center()))
                .put("radius", s.region().radius())
                .put("followsOwner", s.followsOwner());
        s.expiresAt().ifPresent(at -> json.put("expiresAt", at.toString()));
        return json.put("active", s.active())
                .put("version", s.version())
                .put("createdAt", s.createdAt().toString())
                .put("updatedAt", s.updatedAt().toString());
    }

    public static JsonObject toJson(Offer o) {
        JsonObject json = new JsonObject()
                .put("id", o.id())
                .put("ownerId", o.ownerId())
                .put("title", o.title())
                .put("description", o.description())
                .put("category", o.category());
        o.price()
                .ifPresent(p -> json.put(
                        "price", new JsonObject().put("amount", p.amount()).put("currency", p.currency())));
        json.put("imageIds", new JsonArray(o.imageIds()))
                .put("location", location(o.region().center()))
                .put("radius", o.region().radius())
                .put("followsOwner", o.followsOwner());
        o.expiresAt().ifPresent(at -> json.put("expiresAt", at.toString()));
        return json.put("version", o.version())
                .put("createdAt", o.createdAt().toString())
                .put("updatedAt", o.updatedAt().toString());
    }

    public static Search search(JsonObject json) {
        return new Search(
                json.getString("id"),
                json.getString("ownerId"),
                json.getString("keywords"),
                Optional.ofNullable(json.getString("category")),
                region(json),
                json.getBoolean("followsOwner", false),
                instant(json, "expiresAt"),
                json.getBoolean("active", true),
                json.getLong("version", 1L),
                instant(json, "createdAt").orElseThrow(),
                instant(json, "updatedAt").orElseThrow());
    }

    public static Offer offer(JsonObject json) {
        JsonObject price = json.getJsonObject("price");
        JsonArray images = json.getJsonArray("imageIds", new JsonArray());
        return new Offer(
                json.getString("id"),
                json.getString("ownerId"),
                json.getString("title"),
                json.getString("description", ""),
                json.getString("category"),
                Optional.ofNullable(price)
                        .map(p -> new Price(number(p, "amount", "price.amount"), p.getString("currency"))),
                images.stream().map(String::valueOf).toList(),
                region(json),
                json.getBoolean("followsOwner", false),
                instant(json, "expiresAt"),
                json.getLong("version", 1L),
                instant(json, "createdAt").orElseThrow(),
                instant(json, "updatedAt").orElseThrow());
    }

    public static JsonObject location(GeoPoint p) {
        return new JsonObject().put("lat", p.lat()).put("lng", p.lng());
    }

    private static Region region(JsonObject json) {
        JsonObject location = json.getJsonObject("location");
        if (location == null) {
            throw new InvalidItemException("missing", "location is required", "location");
        }
        GeoPoint center =
                new GeoPoint(number(location, "lat", "location.lat"), number(location, "lng", "location.lng"));
        return new Region(center, number(json, "radius", "radius"));
    }

    private static double number(JsonObject json, String key, String field) {
        Number value = json.getNumber(key);
        if (value == null) {
            throw new InvalidItemException("missing", field + " is required", field);
        }
        return value.doubleValue();
    }

    private static Optional<Instant> instant(JsonObject json, String key) {
        String value = json.getString(key);
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(value));
        } catch (DateTimeParseException e) {
            throw new InvalidItemException(
                    "invalid", key + " must be an ISO-8601 instant such as 2026-12-01T10:00:00Z", key);
        }
    }
}
