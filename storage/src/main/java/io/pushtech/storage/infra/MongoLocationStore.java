package io.pushtech.storage.infra;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import io.pushtech.storage.domain.DeviceLocation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;

/**
 * The {@code locations} collection: one document per device and one per user ({@code _id} the device or
 * user id) with the latest position as a GeoJSON point. Only {@code _id} lookups, {@code $in} and bulk writes, so it works on every MongoDB-wire server.
 * Blocking: call it from worker threads. Not safe for two writers of the same id at once; the
 * projector is the only writer (one consumer group).
 */
public final class MongoLocationStore {

    public static final String COLLECTION = "locations";

    private final MongoDatabase database;
    private final MongoCollection<Document> locations;

    public MongoLocationStore(MongoDatabase database) {
        this.database = database;
        this.locations = database.getCollection(COLLECTION);
    }

    /** Stores each location that is newer than the one already stored for its device. */
    public void saveNewer(Collection<DeviceLocation> candidates) {
        if (candidates.isEmpty()) {
            return;
        }
        Map<String, DeviceLocation> stored = new HashMap<>();
        List<String> ids = candidates.stream().map(DeviceLocation::id).toList();
        locations.find(Filters.in("_id", ids)).forEach(doc -> stored.put(doc.getString("_id"), fromDocument(doc)));
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (DeviceLocation candidate : candidates) {
            DeviceLocation current = stored.get(candidate.id());
            if (current == null || candidate.supersedes(current)) {
                writes.add(new ReplaceOneModel<>(
                        Filters.eq("_id", candidate.id()), toDocument(candidate), new ReplaceOptions().upsert(true)));
            }
        }
        if (!writes.isEmpty()) {
            locations.bulkWrite(writes);
        }
    }

    /** The latest location of a device or a user. */
    public Optional<DeviceLocation> find(String id) {
        return Optional.ofNullable(locations.find(Filters.eq("_id", id)).first())
                .map(MongoLocationStore::fromDocument);
    }

    public void probe() {
        database.runCommand(new Document("ping", 1));
    }

    private static Document toDocument(DeviceLocation location) {
        Document doc = new Document("_id", location.id());
        location.deviceId().ifPresent(deviceId -> doc.append("deviceId", deviceId));
        location.userId().ifPresent(userId -> doc.append("userId", userId));
        doc.append(
                "location",
                new Document("type", "Point").append("coordinates", List.of(location.lng(), location.lat())));
        location.accuracy().ifPresent(accuracy -> doc.append("accuracy", accuracy));
        return doc.append("ts", Date.from(location.ts()))
                .append("eventId", location.eventId())
                .append("updatedAt", new Date());
    }

    private static DeviceLocation fromDocument(Document doc) {
        List<Double> coordinates = doc.get("location", Document.class).getList("coordinates", Double.class);
        return new DeviceLocation(
                doc.getString("_id"),
                Optional.ofNullable(doc.getString("deviceId")),
                Optional.ofNullable(doc.getString("userId")),
                coordinates.get(1),
                coordinates.get(0),
                Optional.ofNullable(doc.getDouble("accuracy")),
                doc.getDate("ts").toInstant(),
                doc.getString("eventId"));
    }
}
