package io.pushtech.storage.infra;

import io.pushtech.storage.domain.MatchEngine;
import io.pushtech.storage.domain.MatchEvent;
import io.pushtech.storage.domain.Offer;
import io.pushtech.storage.domain.Search;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Applies the item changes of one batch of the log to the match engine, in log order, and collects what
 * follows from them: the match events, the MongoDB writes, the changes to re-append and the waiting
 * requests to answer. The materializer stores and publishes them afterwards. A change of some fields
 * whose writer started from an older version than the current one is re-appended on top of the current
 * state ({@link ItemChange#rebasedOn}) instead of being dropped as stale, so a PATCH and a move made at
 * once both land; a change of an item deleted meanwhile is answered by another tombstone, so the
 * compacted log agrees that the delete won. Materializer thread, under the engine's write lock.
 */
final class ItemBatch {

    private final ItemMaterializer.Topics topics;
    private final ItemLog log;
    private final boolean live;
    private final Instant now;
    final List<MatchEvent> events = new ArrayList<>();
    final Map<String, MongoItemStore.Write> writes = new HashMap<>();
    final Map<String, JsonObject> stored = new HashMap<>();
    final Set<String> deleted = new HashSet<>();
    final List<Supplier<CompletableFuture<Void>>> appends = new ArrayList<>();

    /**
     * @param live whether changes are new (published and re-appended), not a silent rebuild that reads
     *     them again
     */
    ItemBatch(ItemMaterializer.Topics topics, ItemLog log, boolean live, Instant now) {
        this.topics = topics;
        this.log = log;
        this.live = live;
        this.now = now;
    }

    void delete(MatchEngine e, String topic, String id) {
        boolean search = topic.equals(topics.searches());
        events.addAll(search ? e.removeSearch(id) : e.removeOffer(id));
        String collection = collection(search);
        writes.put(collection + "/" + id, new MongoItemStore.Write(collection, id, Optional.empty()));
        deleted.add(id);
    }

    void apply(MatchEngine e, String topic, ItemChange change) {
        boolean search = topic.equals(topics.searches());
        String id = change.id();
        Optional<Long> version =
                search ? e.search(id).map(Search::version) : e.offer(id).map(Offer::version);
        if (version.isPresent() && change.version() <= version.get()) {
            applyStale(e, topic, search, change);
            return;
        }
        if (version.isEmpty() && change.fields().isPresent() && live) {
            appends.add(() -> log.delete(topic, id));
            return;
        }
        JsonObject state;
        if (search) {
            Search item = ItemCodec.search(change.state());
            events.addAll(e.apply(item, change.reason(), now));
            state = ItemCodec.toJson(item);
        } else {
            Offer item = ItemCodec.offer(change.state());
            events.addAll(e.apply(item, change.reason(), now));
            state = ItemCodec.toJson(item);
        }
        String collection = collection(search);
        writes.put(collection + "/" + id, new MongoItemStore.Write(collection, id, Optional.of(state)));
        change.changeId().ifPresent(changeId -> stored.put(changeId, state));
    }

    /** A change not above the current version: a whole state is stale; a change of some fields is rebased. */
    private void applyStale(MatchEngine e, String topic, boolean search, ItemChange change) {
        if (change.fields().isEmpty()) {
            return;
        }
        JsonObject current = search
                ? ItemCodec.toJson(e.search(change.id()).orElseThrow())
                : ItemCodec.toJson(e.offer(change.id()).orElseThrow());
        JsonObject state = search
                ? ItemCodec.toJson(ItemCodec.search(change.state()))
                : ItemCodec.toJson(ItemCodec.offer(change.state()));
        ItemChange canonical =
                new ItemChange(state, change.reason(), change.changeId(), change.fields(), change.base());
        Optional<ItemChange> rebased = canonical.isIn(current) ? Optional.empty() : canonical.rebasedOn(current);
        if (rebased.isEmpty()) {
            // Already applied, or every field it sets was replaced by a later change.
            change.changeId().ifPresent(changeId -> stored.put(changeId, current));
        } else if (live) {
            appends.add(() -> log.append(topic, rebased.get()));
        }
    }

    boolean isEmpty() {
        return events.isEmpty() && writes.isEmpty() && appends.isEmpty() && stored.isEmpty();
    }

    private static String collection(boolean search) {
        return search ? "searches" : "offers";
    }
}
