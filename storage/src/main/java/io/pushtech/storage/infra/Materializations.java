package io.pushtech.storage.infra;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lets a write request wait until the materializer has stored its change: a request registers the id of
 * its change (or, for a delete, the item id) before producing it, and the materializer thread completes it
 * with the item as stored (empty for a delete). Thread-safe.
 */
public final class Materializations {

    private final Map<String, CompletableFuture<JsonObject>> changes = new ConcurrentHashMap<>();
    private final Map<String, List<CompletableFuture<JsonObject>>> deletions = new ConcurrentHashMap<>();

    /** A future completed with the stored item once the change {@code changeId} is stored. */
    public CompletableFuture<JsonObject> awaitChange(String changeId) {
        return changes.computeIfAbsent(changeId, id -> new CompletableFuture<>());
    }

    /** A future completed once the item {@code id} is deleted. */
    public CompletableFuture<JsonObject> awaitDeletion(String id) {
        CompletableFuture<JsonObject> done = new CompletableFuture<>();
        deletions.compute(id, (key, list) -> {
            List<CompletableFuture<JsonObject>> next = list == null ? new ArrayList<>() : list;
            next.add(done);
            return next;
        });
        return done;
    }

    /** Forgets a waiter whose request stopped waiting. */
    public void cancel(String changeIdOrItemId, CompletableFuture<JsonObject> done) {
        changes.remove(changeIdOrItemId, done);
        deletions.computeIfPresent(changeIdOrItemId, (key, list) -> {
            list.remove(done);
            return list.isEmpty() ? null : list;
        });
    }

    /** The change {@code changeId} is stored; the item is now {@code item}. */
    public void changed(String changeId, JsonObject item) {
        CompletableFuture<JsonObject> done = changes.remove(changeId);
        if (done != null) {
            done.complete(item);
        }
    }

    /** The item {@code id} is deleted. */
    public void deleted(String id) {
        List<CompletableFuture<JsonObject>> done = deletions.remove(id);
        if (done != null) {
            done.forEach(d -> d.complete(new JsonObject()));
        }
    }
}
