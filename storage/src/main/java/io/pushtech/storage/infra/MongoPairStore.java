package io.pushtech.storage.infra;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import io.pushtech.storage.domain.PairState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import org.bson.Document;

/**
 * The {@code pairs} collection: one document per pair ever evaluated ({@code _id} {@code searchId|offerId})
 * with whether it matches, its distance and the sequence number of its last event, so a restarted
 * instance continues each pair's sequence. Blocking; only the materializer thread writes.
 */
public final class MongoPairStore {

    public static final String COLLECTION = "pairs";

    private final MongoCollection<Document> pairs;

    public MongoPairStore(MongoDatabase database) {
        this.pairs = database.getCollection(COLLECTION);
    }

    public void save(Collection<PairState> states) {
        if (states.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> writes = new ArrayList<>(states.size());
        for (PairState state : states) {
            writes.add(new ReplaceOneModel<>(
                    Filters.eq("_id", state.key()), toDocument(state), new ReplaceOptions().upsert(true)));
        }
        pairs.bulkWrite(writes);
    }

    public void forEach(Consumer<PairState> action) {
        pairs.find().forEach(doc -> action.accept(fromDocument(doc)));
    }

    public List<PairState> all() {
        List<PairState> states = new ArrayList<>();
        forEach(states::add);
        return states;
    }

    private static Document toDocument(PairState state) {
        Document doc = new Document("_id", state.key())
                .append("searchId", state.searchId())
                .append("offerId", state.offerId())
                .append("matched", state.matched());
        if (state.matched()) {
            doc.append("distance", state.distance());
        }
        return doc.append("sequence", state.sequence());
    }

    private static PairState fromDocument(Document doc) {
        Number distance = doc.get("distance", Number.class);
        return new PairState(
                doc.getString("searchId"),
                doc.getString("offerId"),
                doc.getBoolean("matched", false),
                distance == null ? 0 : distance.doubleValue(),
                doc.get("sequence", Number.class).longValue());
    }
}
