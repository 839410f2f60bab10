package io.pushtech.storage.domain;

import java.util.Optional;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

/**
 * The one {@link MatchEngine} of a storage instance, shared between its single writer (the item
 * materializer thread) and its readers (API workers, the location follower) under a read-write lock.
 */
public final class SharedEngine {

    private final MatchEngine engine = new MatchEngine();
    private final ReadWriteLock lock = new ReentrantReadWriteLock();

    public <R> R read(Function<MatchEngine, R> reader) {
        lock.readLock().lock();
        try {
            return reader.apply(engine);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Reads only if no writer holds the engine now (never waits for one); empty otherwise. */
    public <R> Optional<R> tryRead(Function<MatchEngine, R> reader) {
        if (!lock.readLock().tryLock()) {
            return Optional.empty();
        }
        try {
            return Optional.of(reader.apply(engine));
        } finally {
            lock.readLock().unlock();
        }
    }

    public <R> R write(Function<MatchEngine, R> writer) {
        lock.writeLock().lock();
        try {
            return writer.apply(engine);
        } finally {
            lock.writeLock().unlock();
        }
    }
}
