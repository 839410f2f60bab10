package io.pushtech.notifications.infra;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.Projections;
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
import java.util.Set;
import java.util.UUID;
import org.bson.Document;

/**
 * The dispatcher's journal in MongoDB: one page per poll ({@code notification_outbox}) holding, written together
 * before any of them is sent, the request bodies of the poll's pushes (key to body) and the state they change (each
 * pushed pair's record, the users' limit counters); and the pushes parked rather than sent
 * ({@code notification_parked}). Pushes that went out are not marked: one sent again carries the same idempotency
 * key, which OneSignal answers without sending it twice. A page is named {@code <writer>:<sequence>}, so the pages a
 * writer wrote after its last compaction are found by {@code _id}. Only {@code _id} look-ups, {@code $in} and inserts:
 * on some servers a document's cost hardly depends on its size, so a poll costs one document. Blocking: the
 * dispatcher thread calls it.
 */
public final class NotificationStore {

    static final String OUTBOX = "notification_outbox";
    static final String PARKED = "notification_parked";
    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);
    private static final int DUPLICATE_KEY = 11000;

    private final MongoCollection<Document> outbox;
    private final MongoCollection<Document> parked;

    public NotificationStore(MongoDatabase database) {
        this.outbox = database.getCollection(OUTBOX);
        this.parked = database.getCollection(PARKED);
    }

    /** A push as it was sent; {@code pending} unless it was parked. */
    public record OutboxEntry(UUID key, boolean pending, String body) {}

    /** One poll's page: its pushes' request bodies by idempotency key, and the state changes they make. */
    record Page(String id, Map<UUID, String> bodies, List<PairRecord> pairs, Collection<UserState> users, Instant at) {

        static String id(String writer, long sequence) {
            return writer + ":" + sequence;
        }
    }

    /** Writes a poll's page: its pushes and the state they change, in one document. */
    void write(Page page) {
        Document bodies = new Document();
        page.bodies().forEach((key, body) -> bodies.append(key.toString(), body));
        outbox.insertOne(new Document("_id", page.id())
                .append("pushes", bodies)
                .append("pairs", page.pairs().stream().map(StateCodec::encode).toList())
                .append("users", page.users().stream().map(StateCodec::encode).toList())
                .append("at", Date.from(page.at())));
    }

    /** The state changes of the pages among {@code ids} that exist, without their bodies, by id. */
    Map<String, Page> journal(Collection<String> ids) {
        Map<String, Page> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        for (Document doc : outbox.find(Filters.in("_id", ids)).projection(Projections.exclude("pushes"))) {
            List<PairRecord> pairs = doc.getList("pairs", Document.class, List.of()).stream()
                    .map(StateCodec::pair)
                    .toList();
            List<UserState> users = doc.getList("users", Document.class, List.of()).stream()
                    .map(StateCodec::user)
                    .toList();
            found.put(doc.getString("_id"), new Page(doc.getString("_id"), Map.of(), pairs, users, at(doc)));
        }
        return found;
    }

    /** Deletes pages that are compacted and old enough that no record read again needs their bodies. */
    void delete(Collection<String> ids) {
        if (!ids.isEmpty()) {
            outbox.deleteMany(Filters.in("_id", ids));
        }
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
                .projection(Projections.include("pushes"))
                .forEach(doc -> bodies.put(doc.getString("_id"), doc.get("pushes", Document.class)));
        pages.forEach((key, page) -> {
            String body = bodies.getOrDefault(page, new Document()).getString(key.toString());
            if (body != null) {
                found.put(key, new OutboxEntry(key, !done.contains(key.toString()), body));
            }
        });
        return found;
    }

    /** Records pushes parked on {@code notifications.failed} (key to reason), so they are not sent again. */
    public void recordParked(Map<UUID, String> reasons) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        reasons.forEach((key, reason) -> writes.add(new InsertOneModel<>(
                new Document("_id", key.toString()).append("reason", reason).append("at", new Date()))));
        if (writes.isEmpty()) {
            return;
        }
        try {
            parked.bulkWrite(writes, UNORDERED);
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (error.getCode() != DUPLICATE_KEY) {
                    throw e;
                }
            }
        }
    }

    /** Fails unless MongoDB answers; for readiness. */
    public void probe() {
        parked.find(Filters.eq("_id", "")).first();
    }

    private static Instant at(Document doc) {
        Date at = doc.getDate("at");
        return at == null ? Instant.EPOCH : at.toInstant();
    }
}
