package io.pushtech.storage.infra;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;

/**
 * The {@code offsets} collection: for each partition of the item topics, the offset of the next record
 * the materializer has not stored yet. It is written after the items and pairs of a batch, so the
 * collections never reflect less of the log than it says, and a restart reads on from there. Blocking;
 * only the materializer thread writes.
 */
public final class MongoOffsetStore {

    public static final String COLLECTION = "offsets";

    private final MongoCollection<Document> offsets;

    public MongoOffsetStore(MongoDatabase database) {
        this.offsets = database.getCollection(COLLECTION);
    }

    public Map<TopicPartition, Long> load() {
        Map<TopicPartition, Long> positions = new HashMap<>();
        offsets.find()
                .forEach(doc -> positions.put(
                        new TopicPartition(doc.getString("topic"), doc.getInteger("partition")),
                        doc.get("offset", Number.class).longValue()));
        return positions;
    }

    public void save(Map<TopicPartition, Long> positions) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        positions.forEach((partition, offset) -> writes.add(new ReplaceOneModel<>(
                Filters.eq("_id", partition.toString()),
                new Document("_id", partition.toString())
                        .append("topic", partition.topic())
                        .append("partition", partition.partition())
                        .append("offset", offset),
                new ReplaceOptions().upsert(true))));
        if (!writes.isEmpty()) {
            offsets.bulkWrite(writes);
        }
    }

    /** Forgets every offset, so the next start rebuilds from the beginning of the log. */
    public void drop() {
        offsets.drop();
    }
}
