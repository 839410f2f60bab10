package io.pushtech.notifications.infra;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import io.pushtech.notifications.domain.UserState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.bson.Document;

/**
 * The dispatcher's state in MongoDB, so a restart neither loses nor repeats a push: the request bodies of the
 * pushes, written before they are sent, one document per batch ({@code notification_outbox}: a page, key to body),
 * the pushes that were parked rather than sent ({@code notification_parked}), and per user the limit counters and
 * the last push of each recent pair with the page that holds it ({@code notification_users}). Pushes that went out
 * are not marked: one sent again carries the same idempotency key, which OneSignal answers without sending it
 * twice. Only {@code _id} look-ups, {@code $in} and one bulk write per collection and batch; new documents are
 * inserted rather than upserted, which is much cheaper on some servers, and the outbox takes one document per
 * batch rather than per push, since on such servers a document's cost hardly depends on its size. Blocking: the
 * dispatcher thread calls it.
 */
public final class NotificationStore {

    static final String OUTBOX = "notification_outbox";
    static final String PARKED = "notification_parked";
    static final String USERS = "notification_users";
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);
    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);
    private static final int DUPLICATE_KEY = 11000;

    private final MongoCollection<Document> outbox;
    private final MongoCollection<Document> parked;
    private final MongoCollection<Document> users;

    public NotificationStore(MongoDatabase database) {
        this.outbox = database.getCollection(OUTBOX);
        this.parked = database.getCollection(PARKED);
        this.users = database.getCollection(USERS);
    }

    /** The last push of a pair to a user: the pair's sequence it announced, its key, its outbox page, and when. */
    public record PairRecord(String pair, long sequence, UUID key, String page, Instant at) {}

    /** A push as it was sent; {@code pending} unless it was parked. */
    public record OutboxEntry(UUID key, boolean pending, String body) {}

    /** Pushes of one batch, written together: their request bodies by idempotency key. */
    public record OutboxPage(String id, Map<UUID, String> bodies) {}

    /** The stored users among {@code userIds}. */
    Map<String, UserRecord> users(Collection<String> userIds) {
        Map<String, UserRecord> found = new HashMap<>();
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
            Map<String, PairRecord> pairs = new HashMap<>();
            for (Document p : pairDocuments(doc.get("pairs"))) {
                PairRecord record = new PairRecord(
                        p.getString("pair"),
                        p.get("sequence", Number.class).longValue(),
                        UUID.fromString(p.getString("key")),
                        p.getString("page"),
                        p.getDate("at").toInstant());
                pairs.put(record.pair(), record);
            }
            found.put(state.userId(), new UserRecord(state, pairs, true));
        }
        return found;
    }

    /** The pushes in the outbox among {@code pages} (key to its page), each pending unless it was parked. */
    public Map<UUID, OutboxEntry> outbox(Map<UUID, String> pages) {
        Map<UUID, OutboxEntry> found = new HashMap<>();
        if (pages.isEmpty()) {
            return found;
        }
        List<String> ids = pages.keySet().stream().map(UUID::toString).toList();
        Set<String> done = new HashSet<>();
        parked.find(Filters.in("_id", ids)).forEach(doc -> done.add(doc.getString("_id")));
        Map<String, Document> bodies = new HashMap<>();
        outbox.find(Filters.in("_id", new HashSet<>(pages.values())))
                .forEach(doc -> bodies.put(doc.getString("_id"), doc.get("pushes", Document.class)));
        pages.forEach((key, page) -> {
            String body = bodies.getOrDefault(page, new Document()).getString(key.toString());
            if (body != null) {
                found.put(key, new OutboxEntry(key, !done.contains(key.toString()), body));
            }
        });
        return found;
    }

    /** Writes what is about to be sent: the batch's pushes, and the users whose counters and pairs they change. */
    void recordPending(OutboxPage page, Collection<UserRecord> changed) {
        Document bodies = new Document();
        page.bodies().forEach((key, body) -> bodies.append(key.toString(), body));
        outbox.insertOne(new Document("_id", page.id()).append("pushes", bodies).append("at", new Date()));
        List<UserRecord> written = List.copyOf(changed);
        List<WriteModel<Document>> userWrites = new ArrayList<>();
        for (UserRecord user : written) {
            userWrites.add(user.stored ? update(user) : new InsertOneModel<>(encode(user)));
        }
        List<Integer> existing = insert(users, userWrites);
        if (!existing.isEmpty()) {
            // Another instance stored these users after we read them: merge ours into theirs.
            users.bulkWrite(existing.stream().map(i -> update(written.get(i))).toList());
        }
        written.forEach(UserRecord::markStored);
    }

    /** Records pushes parked on {@code notifications.failed} (key to reason), so they are not sent again. */
    public void recordParked(Map<UUID, String> reasons) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        reasons.forEach((key, reason) -> writes.add(new InsertOneModel<>(
                new Document("_id", key.toString()).append("reason", reason).append("at", new Date()))));
        insert(parked, writes);
    }

    /** Fails unless MongoDB answers; for readiness. */
    public void probe() {
        users.find(Filters.eq("_id", "")).first();
    }

    /** A new user's whole document. */
    private static Document encode(UserRecord user) {
        Document pairs = new Document();
        user.pairs().forEach(p -> pairs.append(fieldName(p.pair()), encode(p)));
        return counters(user).append("_id", user.state.userId()).append("pairs", pairs);
    }

    /**
     * A stored user's changes: the counters, and only the pairs recorded or dropped since it was stored, so the
     * pairs another instance wrote meanwhile stay. The counters are the last writer's.
     */
    private static UpdateOneModel<Document> update(UserRecord user) {
        Document set = counters(user);
        user.changedPairs().forEach(p -> set.append("pairs." + fieldName(p.pair()), encode(p)));
        Document changes = new Document("$set", set);
        if (!user.droppedPairs().isEmpty()) {
            Document unset = new Document();
            user.droppedPairs().forEach(pair -> unset.append("pairs." + fieldName(pair), ""));
            changes.append("$unset", unset);
        }
        return new UpdateOneModel<>(Filters.eq("_id", user.state.userId()), changes, UPSERT);
    }

    private static Document counters(UserRecord user) {
        return new Document(
                        "lastPushAt", user.state.lastPushAt().map(Date::from).orElse(null))
                .append("hourStart", Date.from(user.state.hourStart()))
                .append("pushesInHour", user.state.pushesInHour());
    }

    private static Document encode(PairRecord p) {
        return new Document("pair", p.pair())
                .append("sequence", p.sequence())
                .append("key", p.key().toString())
                .append("page", p.page())
                .append("at", Date.from(p.at()));
    }

    /** A pair as a field name: MongoDB reads {@code .} as a path and {@code $} as an operator. */
    private static String fieldName(String pair) {
        return pair.replace("%", "%25").replace(".", "%2E").replace("$", "%24");
    }

    /** The pairs of a user document: a sub-document by pair, or the list that earlier versions wrote. */
    private static List<Document> pairDocuments(Object pairs) {
        if (pairs instanceof Document byPair) {
            return byPair.values().stream().map(Document.class::cast).toList();
        }
        if (pairs instanceof List<?> list) {
            return list.stream().map(Document.class::cast).toList();
        }
        return List.of();
    }

    /**
     * Bulk-writes {@code writes} in any order; returns the indexes of inserts whose document existed already, which
     * are not errors.
     */
    private static List<Integer> insert(MongoCollection<Document> collection, List<WriteModel<Document>> writes) {
        List<Integer> existing = new ArrayList<>();
        if (writes.isEmpty()) {
            return existing;
        }
        try {
            collection.bulkWrite(writes, UNORDERED);
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (error.getCode() != DUPLICATE_KEY) {
                    throw e;
                }
                existing.add(error.getIndex());
            }
        }
        return existing;
    }
}
