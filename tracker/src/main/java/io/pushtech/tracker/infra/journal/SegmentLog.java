package io.pushtech.tracker.infra.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The journal's segment files, oldest first, the newest taking appends: writes, group-commits fsyncs, rolls over to new
 * segments and deletes drained ones, keeping the byte and record counts. Thread-safe; its lock is never held during an
 * append's fsync, so appends arriving meanwhile share the next one.
 */
final class SegmentLog implements AutoCloseable {

    private static final Logger LOGGER = LoggerFactory.getLogger(SegmentLog.class);

    private final long maxBytes;
    private final long segmentBytes;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition synced = lock.newCondition();
    private final Deque<Segment> segments;
    // written under the lock, read without it
    private volatile long sizeBytes;
    private volatile long recordCount;
    private long appendedBytes;
    private long durableBytes;
    private boolean syncing;
    private IOException failure;

    SegmentLog(long maxBytes, long segmentBytes, List<Segment> recovered, long recordCount) {
        this.maxBytes = maxBytes;
        this.segmentBytes = segmentBytes;
        this.segments = new ArrayDeque<>(recovered);
        this.sizeBytes = recovered.stream().mapToLong(segment -> segment.size).sum();
        this.recordCount = recordCount;
    }

    /** Writes the encoded records and returns once they are fsync'd. */
    void append(ByteBuffer encoded, int records) throws IOException {
        long length = encoded.remaining();
        lock.lock();
        try {
            if (failure != null) {
                throw new IOException("journal takes no appends: " + failure.getMessage(), failure);
            }
            if (sizeBytes + length > maxBytes) {
                throw new JournalFullException(maxBytes, sizeBytes, length);
            }
            Segment target = segments.getLast();
            if (target.size > 0 && target.size + length > segmentBytes) {
                target = roll();
            }
            write(target, encoded);
            sizeBytes += length;
            recordCount += records;
            appendedBytes += length;
            awaitDurable(appendedBytes);
        } finally {
            lock.unlock();
        }
    }

    SegmentView view(long segmentId) {
        lock.lock();
        try {
            Iterator<Segment> iterator = segments.iterator();
            while (iterator.hasNext()) {
                Segment segment = iterator.next();
                if (segment.id == segmentId) {
                    return iterator.hasNext()
                            ? new SegmentView(segment, segment.size, iterator.next().id)
                            : new SegmentView(segment, segment.durableSize, -1);
                }
            }
            throw new IllegalStateException("no segment " + segmentId + " in the journal");
        } finally {
            lock.unlock();
        }
    }

    /**
     * Moves a drain position past the ends of sealed segments, and when everything is drained starts a new segment so
     * that {@link #release} can delete the drained one.
     */
    JournalPosition settle(JournalPosition position) {
        lock.lock();
        try {
            JournalPosition settled = position;
            SegmentView view = view(settled.segmentId());
            while (view.sealed() && settled.offset() == view.end()) {
                settled = new JournalPosition(view.nextId(), 0);
                view = view(settled.segmentId());
            }
            Segment active = view.segment();
            if (!view.sealed() && active.size > 0 && settled.offset() == active.size && failure == null) {
                try {
                    settled = new JournalPosition(roll().id, 0);
                } catch (IOException e) {
                    LOGGER.atWarn().setCause(e).log("cannot start a new journal segment after drain");
                }
            }
            return settled;
        } finally {
            lock.unlock();
        }
    }

    /** Forgets the drained records and deletes the segments before the (checkpointed) position. */
    void release(JournalPosition drainedTo, long records) {
        lock.lock();
        try {
            recordCount -= records;
            while (segments.getFirst().id < drainedTo.segmentId()) {
                Segment drained = segments.removeFirst();
                sizeBytes -= drained.size;
                try {
                    drained.delete();
                } catch (IOException e) {
                    // the next open deletes it, as it lies before the checkpoint
                    LOGGER.atWarn()
                            .addKeyValue("segment", drained.path)
                            .setCause(e)
                            .log("cannot delete drained journal segment");
                }
            }
        } finally {
            lock.unlock();
        }
    }

    long sizeBytes() {
        return sizeBytes;
    }

    long recordCount() {
        return recordCount;
    }

    @Override
    public void close() throws IOException {
        lock.lock();
        try {
            failure = new IOException("journal closed");
            for (Segment segment : segments) {
                segment.channel.close();
            }
        } finally {
            lock.unlock();
        }
    }

    private void write(Segment segment, ByteBuffer encoded) throws IOException {
        long start = segment.size;
        try {
            while (encoded.hasRemaining()) {
                segment.channel.write(encoded, start + encoded.position());
            }
        } catch (IOException e) {
            // a partial record left in place would hide every later append behind a torn record at the next open
            try {
                segment.channel.truncate(start);
            } catch (IOException truncateFailure) {
                e.addSuppressed(truncateFailure);
                failure = e;
            }
            throw e;
        }
        segment.size = start + encoded.limit();
    }

    /** Called with the lock held; one caller at a time fsyncs outside the lock, covering every write made before it. */
    private void awaitDurable(long target) throws IOException {
        while (durableBytes < target) {
            if (failure != null) {
                throw new IOException("journal failed, the append may not be durable", failure);
            }
            if (syncing) {
                synced.awaitUninterruptibly();
                continue;
            }
            syncing = true;
            Segment segment = segments.getLast();
            long size = segment.size;
            long covered = appendedBytes;
            IOException syncFailure = null;
            lock.unlock();
            try {
                segment.channel.force(false);
            } catch (IOException e) {
                syncFailure = e;
            } finally {
                lock.lock();
                syncing = false;
                synced.signalAll();
            }
            if (syncFailure != null && durableBytes < covered) {
                // after a failed fsync the kernel may have dropped dirty pages: no later write can be trusted
                failure = syncFailure;
                throw syncFailure;
            }
            durableBytes = Math.max(durableBytes, covered);
            segment.durableSize = Math.max(segment.durableSize, size);
        }
    }

    /** Called with the lock held: seals the active segment (fsync'd) and starts the next one. */
    private Segment roll() throws IOException {
        Segment sealed = segments.getLast();
        try {
            sealed.channel.force(false);
        } catch (IOException e) {
            failure = e;
            throw e;
        }
        sealed.durableSize = sealed.size;
        durableBytes = appendedBytes;
        synced.signalAll();
        Segment next = Segment.create(sealed.path.getParent(), sealed.id + 1);
        segments.addLast(next);
        return next;
    }
}
