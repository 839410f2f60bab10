package io.pushtech.storage.infra;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lets a write request wait until the materializer has stored its change: a request registers the id
 * and version it wrote before producing it, and the materializer thread completes it once stored.
 * Thread-safe.
 */
public final class Materializations {

    /** The version a delete waits for: any later state of the id, including its absence. */
    public static final long DELETED = Long.MAX_VALUE;

    private record Waiter(long version, CompletableFuture<Void> done) {}

    private final Map<String, List<Waiter>> waiters = new ConcurrentHashMap<>();

    /** A future completed when {@code id} is stored at {@code version} or later (or deleted, for {@link #DELETED}). */
    public CompletableFuture<Void> await(String id, long version) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        waiters.compute(id, (key, list) -> {
            List<Waiter> next = list == null ? new ArrayList<>() : list;
            next.add(new Waiter(version, done));
            return next;
        });
        return done;
    }

    /** Forgets a waiter whose request stopped waiting. */
    public void cancel(String id, CompletableFuture<Void> done) {
        waiters.computeIfPresent(id, (key, list) -> {
            list.removeIf(w -> w.done == done);
            return list.isEmpty() ? null : list;
        });
    }

    /** {@code id} is stored at {@code version}; {@link #DELETED} when it was deleted. */
    public void stored(String id, long version) {
        List<CompletableFuture<Void>> completed = new ArrayList<>();
        waiters.computeIfPresent(id, (key, list) -> {
            list.removeIf(w -> {
                boolean reached = version == DELETED ? w.version == DELETED : w.version <= version;
                if (reached) {
                    completed.add(w.done);
                }
                return reached;
            });
            return list.isEmpty() ? null : list;
        });
        completed.forEach(done -> done.complete(null));
    }
}
