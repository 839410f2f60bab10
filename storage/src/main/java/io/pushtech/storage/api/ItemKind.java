package io.pushtech.storage.api;

import com.fasterxml.jackson.core.JsonGenerator;
import io.pushtech.storage.domain.CurrentMatch;
import io.pushtech.storage.domain.MatchEngine;
import io.pushtech.storage.domain.Nearby;
import io.pushtech.storage.domain.NearbyQuery;
import io.pushtech.storage.domain.Offer;
import io.pushtech.storage.domain.Search;
import io.pushtech.storage.infra.ItemChange;
import io.pushtech.storage.infra.ItemCodec;
import io.pushtech.storage.infra.ItemLog;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/** What the item endpoints need to know about searches or offers, so one set of handlers serves both. */
interface ItemKind<T> {

    /** The path segment and MongoDB collection: {@code searches} or {@code offers}. */
    String plural();

    Map<String, RequestReader.Type> writableFields();

    Set<String> requiredOnCreate();

    T decode(JsonObject json);

    JsonObject encode(T item);

    /** Writes the fields {@link #encode} gives. */
    void writeFields(JsonGenerator out, T item) throws IOException;

    Optional<T> current(MatchEngine engine, String id);

    String id(T item);

    String ownerId(T item);

    long version(T item);

    CompletableFuture<Void> append(ItemLog log, ItemChange change);

    CompletableFuture<Void> delete(ItemLog log, String id);

    List<Nearby<T>> near(MatchEngine engine, NearbyQuery query);

    List<CurrentMatch> matches(MatchEngine engine, String id);

    Map<String, RequestReader.Type> COMMON = Map.of(
            "location", RequestReader.Type.LOCATION,
            "radius", RequestReader.Type.NUMBER,
            "followsOwner", RequestReader.Type.BOOLEAN,
            "expiresAt", RequestReader.Type.STRING,
            "category", RequestReader.Type.STRING);

    ItemKind<Search> SEARCHES = new ItemKind<>() {
        @Override
        public String plural() {
            return "searches";
        }

        @Override
        public Map<String, RequestReader.Type> writableFields() {
            Map<String, RequestReader.Type> fields = new HashMap<>(COMMON);
            fields.put("keywords", RequestReader.Type.STRING);
            fields.put("active", RequestReader.Type.BOOLEAN);
            return fields;
        }

        @Override
        public Set<String> requiredOnCreate() {
            return Set.of("location", "radius");
        }

        @Override
        public Search decode(JsonObject json) {
            return ItemCodec.search(json);
        }

        @Override
        public JsonObject encode(Search item) {
            return ItemCodec.toJson(item);
        }

        @Override
        public void writeFields(JsonGenerator out, Search item) throws IOException {
            ItemCodec.writeFields(out, item);
        }

        @Override
        public Optional<Search> current(MatchEngine engine, String id) {
            return engine.search(id);
        }

        @Override
        public String id(Search item) {
            return item.id();
        }

        @Override
        public String ownerId(Search item) {
            return item.ownerId();
        }

        @Override
        public long version(Search item) {
            return item.version();
        }

        @Override
        public CompletableFuture<Void> append(ItemLog log, ItemChange change) {
            return log.appendSearch(change);
        }

        @Override
        public CompletableFuture<Void> delete(ItemLog log, String id) {
            return log.deleteSearch(id);
        }

        @Override
        public List<Nearby<Search>> near(MatchEngine engine, NearbyQuery query) {
            return engine.searchesNear(query);
        }

        @Override
        public List<CurrentMatch> matches(MatchEngine engine, String id) {
            return engine.matchesOfSearch(id);
        }
    };

    ItemKind<Offer> OFFERS = new ItemKind<>() {
        @Override
        public String plural() {
            return "offers";
        }

        @Override
        public Map<String, RequestReader.Type> writableFields() {
            Map<String, RequestReader.Type> fields = new HashMap<>(COMMON);
            fields.put("title", RequestReader.Type.STRING);
            fields.put("description", RequestReader.Type.STRING);
            fields.put("price", RequestReader.Type.PRICE);
            fields.put("imageIds", RequestReader.Type.STRINGS);
            return fields;
        }

        @Override
        public Set<String> requiredOnCreate() {
            return Set.of("title", "category", "location", "radius");
        }

        @Override
        public Offer decode(JsonObject json) {
            return ItemCodec.offer(json);
        }

        @Override
        public JsonObject encode(Offer item) {
            return ItemCodec.toJson(item);
        }

        @Override
        public void writeFields(JsonGenerator out, Offer item) throws IOException {
            ItemCodec.writeFields(out, item);
        }

        @Override
        public Optional<Offer> current(MatchEngine engine, String id) {
            return engine.offer(id);
        }

        @Override
        public String id(Offer item) {
            return item.id();
        }

        @Override
        public String ownerId(Offer item) {
            return item.ownerId();
        }

        @Override
        public long version(Offer item) {
            return item.version();
        }

        @Override
        public CompletableFuture<Void> append(ItemLog log, ItemChange change) {
            return log.appendOffer(change);
        }

        @Override
        public CompletableFuture<Void> delete(ItemLog log, String id) {
            return log.deleteOffer(id);
        }

        @Override
        public List<Nearby<Offer>> near(MatchEngine engine, NearbyQuery query) {
            return engine.offersNear(query);
        }

        @Override
        public List<CurrentMatch> matches(MatchEngine engine, String id) {
            return engine.matchesOfOffer(id);
        }
    };
}
