package io.pushtech.notifications.infra;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The compaction's MongoDB writes, made one after another on a thread of their own, so that the dispatcher hands
 * them over and goes on polling instead of waiting for a bucket document to be rewritten. A write that failed is
 * thrown at the dispatcher the next time it looks, as if it had made the write itself. Dispatcher thread only.
 */
final class CompactionWrites implements AutoCloseable {

    private final ExecutorService thread = Executors.newSingleThreadExecutor(task -> {
        Thread t = new Thread(task, "notifications-compaction");
        t.setDaemon(true);
        return t;
    });
    private final Deque<Future<?>> pending = new ArrayDeque<>();

    void submit(Runnable write) {
        pending.add(thread.submit(write));
    }

    /** The writes not finished yet; throws the failure of a finished one. */
    int pending() {
        while (!pending.isEmpty() && pending.peek().isDone()) {
            await(pending.poll());
        }
        return pending.size();
    }

    /** Waits for every write handed over; throws the first failure. */
    void awaitAll() {
        while (!pending.isEmpty()) {
            await(pending.poll());
        }
    }

    @Override
    public void close() {
        thread.shutdown();
    }

    private static void await(Future<?> write) {
        try {
            write.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a compaction write", e);
        }
    }
}
