package io.pushtech.storage.infra;

import com.fasterxml.jackson.core.JsonGenerator;
import io.pushtech.common.CanonicalInstants;
import io.pushtech.storage.domain.GeoPoint;
import io.pushtech.storage.domain.InvalidItemException;
import io.pushtech.storage.domain.Offer;
import io.pushtech.storage.domain.Price;
import io.pushtech.storage.domain.Region;
import io.pushtech.storage.domain.Search;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
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
        s.expiresAt().ifPresent(at -> json.put("expiresAt", CanonicalInstants.format(at)));
        return json.put("active", s.active())
                .put("version", s.version())
                .put("createdAt", CanonicalInstants.format(s.createdAt()))
                .put("updatedAt", CanonicalInstants.format(s.updatedAt()));
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
        o.expiresAt().ifPresent(at -> json.put("expiresAt", CanonicalInstants.format(at)));
        return json.put("version", o.version())
                .put("createdAt", CanonicalInstants.format(o.createdAt()))
                .put("updatedAt", CanonicalInstants.format(o.updatedAt()));
    }

    /**
     * Writes the fields of {@link #toJson(Search)}, in the same order, straight to a generator: for pages of
     * items, without building a {@link JsonObject} per item.
     */
    public static void writeFields(JsonGenerator out, Search s) throws IOException {
        out.writeStringField("id", s.id());
        out.writeStringField("ownerId", s.ownerId());
        out.writeStringField("keywords", s.keywords());
        if (s.category().isPresent()) {
            out.writeStringField("category", s.category().get());
        }
        writeRegion(out, s.region(), s.followsOwner(), s.expiresAt());
        out.writeBooleanField("active", s.active());
        writeVersion(out, s.version(), s.createdAt(), s.updatedAt());
    }

    /** Writes the fields of {@link #toJson(Offer)}, like {@link #writeFields(JsonGenerator, Search)}. */
    public static void writeFields(JsonGenerator out, Offer o) throws IOException {
        out.writeStringField("id", o.id());
        out.writeStringField("ownerId", o.ownerId());
        out.writeStringField("title", o.title());
        out.writeStringField("description", o.description());
        out.writeStringField("category", o.category());
        if (o.price().isPresent()) {
            out.writeObjectFieldStart("price");
            out.writeNumberField("amount", o.price().get().amount());
            out.writeStringField("currency", o.price().get().currency());
            out.writeEndObject();
        }
        out.writeArrayFieldStart("imageIds");
        for (String imageId : o.imageIds()) {
            out.writeString(imageId);
        }
        out.writeEndArray();
        writeRegion(out, o.region(), o.followsOwner(), o.expiresAt());
        writeVersion(out, o.version(), o.createdAt(), o.updatedAt());
    }

    private static void writeRegion(JsonGenerator out, Region region, boolean followsOwner, Optional<Instant> expiresAt)
            throws IOException {
        out.writeObjectFieldStart("location");
        out.writeNumberField("lat", region.center().lat());
        out.writeNumberField("lng", region.center().lng());
        out.writeEndObject();
        out.writeNumberField("radius", region.radius());
        out.writeBooleanField("followsOwner", followsOwner);
        if (expiresAt.isPresent()) {
            out.writeStringField("expiresAt", CanonicalInstants.format(expiresAt.get()));
        }
    }

    private static void writeVersion(JsonGenerator out, long version, Instant createdAt, Instant updatedAt)
            throws IOException {
        out.writeNumberField("version", version);
        out.writeStringField("createdAt", CanonicalInstants.format(createdAt));
        out.writeStringField("updatedAt", CanonicalInstants.format(updatedAt));
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
