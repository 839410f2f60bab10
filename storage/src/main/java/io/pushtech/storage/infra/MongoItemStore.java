package io.pushtech.storage.infra;

import com.google.common.geometry.S2CellId;
import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import io.pushtech.storage.domain.GeoPoint;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code searches} and {@code offers} collections: each document is the item's JSON with its
 * {@code _id}, a GeoJSON {@code point} and the S2 cell tokens of the point at a few levels
 * ({@code cells}, an indexed array), so a geo lookup works on every MongoDB-wire server; a
 * {@code 2dsphere} index is created where the server has one. Blocking: call it from worker threads or
 * the materializer thread. Only the materializer writes.
 */
public final class MongoItemStore {

    private static final Logger LOGGER = LoggerFactory.getLogger(MongoItemStore.class);
    private static final int[] CELL_LEVELS = {8, 11, 14};

    private final MongoDatabase database;

    public MongoItemStore(MongoDatabase database) {
        this.database = database;
    }

    /** One write to apply: the item's JSON to store, or empty to delete the id. */
    public record Write(String collection, String id, Optional<JsonObject> item) {}

    public void createIndexes(String collection) {
        MongoCollection<Document> items = database.getCollection(collection);
        items.createIndex(Indexes.ascending("cells"));
        items.createIndex(Indexes.ascending("ownerId"));
        try {
            items.createIndex(Indexes.geo2dsphere("point"));
        } catch (MongoException e) {
            LOGGER.atInfo()
                    .addKeyValue("collection", collection)
                    .addKeyValue("error", e.getMessage())
                    .log("the server has no 2dsphere index; geo lookups use the cell ids");
        }
    }

    public void apply(List<Write> writes) {
        for (String collection :
                writes.stream().map(Write::collection).distinct().toList()) {
            List<WriteModel<Document>> models = new ArrayList<>();
            for (Write write : writes) {
                if (write.collection().equals(collection)) {
                    models.add(write.item()
                            .<WriteModel<Document>>map(json -> new ReplaceOneModel<>(
                                    Filters.eq("_id", write.id()), toDocument(json), new ReplaceOptions().upsert(true)))
                            .orElseGet(() -> new DeleteOneModel<>(Filters.eq("_id", write.id()))));
                }
            }
            database.getCollection(collection).bulkWrite(models);
        }
    }

    public Optional<JsonObject> find(String collection, String id) {
        return Optional.ofNullable(database.getCollection(collection)
                        .find(Filters.eq("_id", id))
                        .first())
                .map(MongoItemStore::fromDocument);
    }

    /** Hands every stored item of a collection to {@code action}. */
    public void forEach(String collection, Consumer<JsonObject> action) {
        database.getCollection(collection).find().forEach(doc -> action.accept(fromDocument(doc)));
    }

    /** Empties a collection, for a rebuild from the log. */
    public void drop(String collection) {
        database.getCollection(collection).drop();
    }

    public long count(String collection) {
        return database.getCollection(collection).countDocuments();
    }

    static Document toDocument(JsonObject json) {
        Document doc = Document.parse(json.encode());
        JsonObject location = json.getJsonObject("location");
        GeoPoint point = new GeoPoint(location.getDouble("lat"), location.getDouble("lng"));
        S2CellId leaf = S2CellId.fromLatLng(point.toS2());
        List<String> cells = new ArrayList<>();
        for (int level : CELL_LEVELS) {
            cells.add(leaf.parent(level).toToken());
        }
        return doc.append("_id", json.getString("id"))
                .append("point", new Document("type", "Point").append("coordinates", List.of(point.lng(), point.lat())))
                .append("cells", cells);
    }

    static JsonObject fromDocument(Document doc) {
        doc.remove("_id");
        doc.remove("point");
        doc.remove("cells");
        return new JsonObject(doc.toJson());
    }
}
