package io.pushtech.notifications.infra;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import io.pushtech.notifications.domain.UserState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;

/**
 * The dispatcher's state in MongoDB, so a restart neither loses nor repeats a push: which push each user got for
 * each pair ({@code notification_pairs}), every push with its request body and whether it went out
 * ({@code notification_outbox}), and the users' limit counters ({@code notification_users}). Only {@code _id}
 * look-ups, {@code $in} and bulk writes. Blocking: the dispatcher thread calls it.
 */
public final class NotificationStore {

    static final String PAIRS = "notification_pairs";
    static final String OUTBOX = "notification_outbox";
    static final String USERS = "notification_users";
    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);

    private final MongoCollection<Document> pairs;
    private final MongoCollection<Document> outbox;
    private final MongoCollection<Document> users;

    public NotificationStore(MongoDatabase database) {
        this.pairs = database.getCollection(PAIRS);
        this.outbox = database.getCollection(OUTBOX);
        this.users = database.getCollection(USERS);
    }

    /** The last push of a pair to a user: the pair's sequence it announced, its key, and when. */
    public record PairRecord(String userPair, long sequence, UUID key, Instant at) {}

    /** A push as it was (or is being) sent; {@code status} is {@code pending} until it went out or was parked. */
    public record OutboxEntry(UUID key, String status, String body) {

        public boolean pending() {
            return status.equals(PENDING);
        }
    }

    public static final String PENDING = "pending";

    public Map<String, PairRecord> pairs(Collection<String> userPairs) {
        Map<String, PairRecord> found = new HashMap<>();
        if (userPairs.isEmpty()) {
            return found;
        }
        for (Document doc : pairs.find(Filters.in("_id", userPairs))) {
            PairRecord record = new PairRecord(
                    doc.getString("_id"),
                    doc.get("sequence", Number.class).longValue(),
                    UUID.fromString(doc.getString("key")),
                    doc.getDate("at").toInstant());
            found.put(record.userPair(), record);
        }
        return found;
    }

    public Map<UUID, OutboxEntry> outbox(Collection<UUID> keys) {
        Map<UUID, OutboxEntry> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        List<String> ids = keys.stream().map(UUID::toString).toList();
        for (Document doc : outbox.find(Filters.in("_id", ids))) {
            UUID key = UUID.fromString(doc.getString("_id"));
            found.put(key, new OutboxEntry(key, doc.getString("status"), doc.getString("body")));
        }
        return found;
    }

    public Map<String, UserState> users(Collection<String> userIds) {
        Map<String, UserState> found = new HashMap<>();
        if (userIds.isEmpty()) {
            return found;
        }
        for (Document doc : users.find(Filters.in("_id", userIds))) {
            Date last = doc.getDate("lastPushAt");
            UserState state = new UserState(
                    doc.getString("_id"),
                    Optional.ofNullable(last).map(Date::toInstant),
                    doc.getDate("hourStart").toInstant(),
                    doc.getInteger("pushesInHour", 0));
            found.put(state.userId(), state);
        }
        return found;
    }

    /** Writes what is about to be sent: the pushes (pending), the pairs they announce, the users' counters. */
    public void recordPending(
            Collection<OutboxEntry> entries, Collection<PairRecord> records, Collection<UserState> states) {
        List<WriteModel<Document>> outboxWrites = new ArrayList<>();
        for (OutboxEntry entry : entries) {
            outboxWrites.add(replace(new Document("_id", entry.key().toString())
                    .append("status", entry.status())
                    .append("body", entry.body())
                    .append("at", new Date())));
        }
        List<WriteModel<Document>> pairWrites = new ArrayList<>();
        for (PairRecord record : records) {
            pairWrites.add(replace(new Document("_id", record.userPair())
                    .append("sequence", record.sequence())
                    .append("key", record.key().toString())
                    .append("at", Date.from(record.at()))));
        }
        List<WriteModel<Document>> userWrites = new ArrayList<>();
        for (UserState state : states) {
            userWrites.add(replace(new Document("_id", state.userId())
                    .append("lastPushAt", state.lastPushAt().map(Date::from).orElse(null))
                    .append("hourStart", Date.from(state.hourStart()))
                    .append("pushesInHour", state.pushesInHour())));
        }
        write(outbox, outboxWrites);
        write(pairs, pairWrites);
        write(users, userWrites);
    }

    /** Marks pushes as done: {@code sent}, {@code no_recipients} or {@code parked}, with OneSignal's id if any. */
    public void recordOutcomes(Map<UUID, Document> outcomes) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        outcomes.forEach((key, outcome) -> writes.add(replace(new Document("_id", key.toString())
                .append("at", new Date())
                .append("status", outcome.getString("status"))
                .append("notificationId", outcome.getString("notificationId")))));
        write(outbox, writes);
    }

    /** Fails unless MongoDB answers; for readiness. */
    public void probe() {
        users.find(Filters.eq("_id", "")).first();
    }

    private static ReplaceOneModel<Document> replace(Document doc) {
        return new ReplaceOneModel<>(Filters.eq("_id", doc.get("_id")), doc, UPSERT);
    }

    private static void write(MongoCollection<Document> collection, List<WriteModel<Document>> writes) {
        if (!writes.isEmpty()) {
            collection.bulkWrite(writes);
        }
    }
}
