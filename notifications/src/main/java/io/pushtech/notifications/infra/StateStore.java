package io.pushtech.notifications.infra;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * The compacted side of the dispatcher's state in MongoDB: a bounded number of bucket documents
 * ({@code notification_state}), each holding entries by field name and written one field per changed entry (so two
 * writers of one bucket keep each other's entries), and per writer how far its journal is compacted and when it
 * was last seen ({@code notification_writers}). Reads {@code notification_users}, which earlier versions wrote, when
 * it is there. Blocking: the dispatcher thread calls it.
 */
final class StateStore {

    static final String STATE = "notification_state";
    static final String WRITERS = "notification_writers";
    static final String LEGACY_USERS = "notification_users";
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    /**
     * A writer's journal: its pages up to {@code compacted} are in the buckets, those up to {@code pruned} are deleted,
     * and {@code seen} is when it last said so.
     */
    record Writer(String id, long compacted, long pruned, Instant seen) {}

    private final MongoDatabase database;
    private final MongoCollection<Document> state;
    private final MongoCollection<Document> writers;

    StateStore(MongoDatabase database) {
        this.database = database;
        this.state = database.getCollection(STATE);
        this.writers = database.getCollection(WRITERS);
    }

    /** The entries of the buckets among {@code ids}, by bucket. */
    Map<String, Collection<Document>> buckets(Collection<String> ids) {
        Map<String, Collection<Document>> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        for (Document doc : state.find(Filters.in("_id", ids))) {
            Document entries = doc.get("entries", Document.class);
            List<Document> list = new ArrayList<>();
            if (entries != null) {
                entries.values().forEach(v -> list.add((Document) v));
            }
            found.put(doc.getString("_id"), list);
        }
        return found;
    }

    /** Sets the entries {@code set} (field name to entry) of a bucket and removes {@code unset}. */
    void write(String bucket, Map<String, Document> set, Collection<String> unset) {
        Document changes = new Document();
        if (!set.isEmpty()) {
            Document fields = new Document();
            set.forEach((field, entry) -> fields.append("entries." + field, entry));
            changes.append("$set", fields);
        }
        if (!unset.isEmpty()) {
            Document fields = new Document();
            unset.forEach(field -> fields.append("entries." + field, ""));
            changes.append("$unset", fields);
        }
        if (!changes.isEmpty()) {
            state.updateOne(Filters.eq("_id", bucket), changes, UPSERT);
        }
    }

    List<Writer> writers() {
        List<Writer> found = new ArrayList<>();
        for (Document doc : writers.find()) {
            found.add(new Writer(
                    doc.getString("_id"),
                    doc.get("compacted", Number.class).longValue(),
                    doc.get("pruned", Number.class).longValue(),
                    doc.getDate("seen").toInstant()));
        }
        return found;
    }

    /** Records that {@code writer}'s pages up to {@code compacted} are in the buckets, and up to {@code pruned} gone. */
    void compacted(String writer, long compacted, long pruned, Instant seen) {
        writers.updateOne(
                Filters.eq("_id", writer),
                Updates.combine(
                        Updates.max("compacted", compacted),
                        Updates.max("pruned", pruned),
                        Updates.set("seen", Date.from(seen))),
                UPSERT);
    }

    void forget(String writer) {
        writers.deleteOne(Filters.eq("_id", writer));
    }

    /** The user documents earlier versions wrote (one per user, with its pairs), if any are left. */
    List<Document> legacyUsers() {
        List<Document> found = new ArrayList<>();
        if (database.listCollectionNames().into(new ArrayList<>()).contains(LEGACY_USERS)) {
            database.getCollection(LEGACY_USERS).find().into(found);
        }
        return found;
    }
}
