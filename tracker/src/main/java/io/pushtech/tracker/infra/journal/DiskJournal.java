package io.pushtech.tracker.infra.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A bounded, crash-safe journal of byte records in segment files: appends are fsync'd before they return, drains hand
 * the oldest records out in order and delete whole segments once drained. Thread-safe; blocking file I/O: call from
 * worker threads, never an event loop, and never interrupt a thread inside a call (an interrupt closes the files).
 */
public final class DiskJournal implements AutoCloseable {

    private static final long MIN_SEGMENT_BYTES = 4 * 1024;
    private static final long MAX_SEGMENT_BYTES = 64 * 1024 * 1024;

    private final SegmentLog log;
    private final Checkpoint checkpoint;
    private final ReentrantLock drainLock = new ReentrantLock();
    private JournalPosition drainPosition;

    private DiskJournal(SegmentLog log, Checkpoint checkpoint, JournalPosition drainPosition) {
        this.log = log;
        this.checkpoint = checkpoint;
        this.drainPosition = drainPosition;
    }

    /**
     * Opens (creating the directory if needed) and recovers what a previous run left: complete records are kept, a torn
     * tail record (crash mid-write) is detected by length and checksum and cut off.
     */
    public static DiskJournal open(Path directory, long maxBytes) throws IOException {
        return open(directory, maxBytes, Math.max(MIN_SEGMENT_BYTES, Math.min(maxBytes / 8, MAX_SEGMENT_BYTES)));
    }

    /** As {@link #open(Path, long)}, with segments rolled over once they hold {@code segmentBytes}. */
    static DiskJournal open(Path directory, long maxBytes, long segmentBytes) throws IOException {
        if (maxBytes <= 0 || segmentBytes <= 0) {
            throw new IllegalArgumentException("maxBytes and segmentBytes must be positive");
        }
        Files.createDirectories(directory);
        Checkpoint checkpoint = Checkpoint.open(directory);
        JournalRecovery.Recovered recovered;
        try {
            recovered = JournalRecovery.recover(directory, checkpoint.position());
        } catch (IOException | RuntimeException e) {
            checkpoint.close();
            throw e;
        }
        SegmentLog log = new SegmentLog(maxBytes, segmentBytes, recovered.segments(), recovered.records());
        DiskJournal journal = new DiskJournal(log, checkpoint, recovered.drainPosition());
        try {
            // reclaims the space of a journal left fully drained
            journal.commit(recovered.drainPosition(), 0);
        } catch (IOException | RuntimeException e) {
            journal.close();
            throw e;
        }
        return journal;
    }

    /**
     * Appends the records with one write and one fsync before returning; concurrent appends share fsyncs.
     *
     * @throws JournalFullException when the records would take the journal beyond its limit; nothing is written then
     */
    public void append(List<byte[]> records) throws IOException {
        records.forEach(Objects::requireNonNull);
        if (records.isEmpty()) {
            return;
        }
        long size = RecordFormat.encodedSize(records);
        ByteBuffer encoded = RecordFormat.encode(records, size);
        log.append(encoded, records.size());
    }

    /**
     * Hands the oldest records to the sink in order, in batches of at most {@code maxBatch}, until it has caught up
     * with the appends made durable meanwhile. A batch is removed only after the sink returns normally; if the sink
     * throws, drain stops and rethrows and the same records are offered again next time. A crash during drain may
     * offer the batch in flight again (at-least-once). One drain runs at a time; appends may go on meanwhile.
     *
     * @return how many records were drained
     */
    public long drain(int maxBatch, BatchSink sink) throws Exception {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be positive");
        }
        drainLock.lock();
        try {
            long drained = 0;
            List<byte[]> batch = new ArrayList<>(Math.min(maxBatch, 1024));
            JournalPosition end = read(drainPosition, maxBatch, batch);
            while (!batch.isEmpty()) {
                sink.accept(Collections.unmodifiableList(batch));
                commit(end, batch.size());
                drained += batch.size();
                batch = new ArrayList<>(batch.size());
                end = read(drainPosition, maxBatch, batch);
            }
            return drained;
        } finally {
            drainLock.unlock();
        }
    }

    public boolean isEmpty() {
        return recordCount() == 0;
    }

    /**
     * The bytes of the segment files, headers and drained records not yet deleted with their segment included: what
     * counts against the limit.
     */
    public long sizeBytes() {
        return log.sizeBytes();
    }

    /** The records not yet drained, including those of appends still waiting for their fsync. */
    public long recordCount() {
        return log.recordCount();
    }

    /** Closes the files; call once no append or drain is running. */
    @Override
    public void close() throws IOException {
        try (checkpoint) {
            log.close();
        }
    }

    /** Reads up to {@code maxBatch} durable records from {@code from} into {@code batch}; returns where they end. */
    private JournalPosition read(JournalPosition from, int maxBatch, List<byte[]> batch) throws IOException {
        JournalPosition position = from;
        SegmentView view = log.view(position.segmentId());
        RecordReader reader = new RecordReader(view.segment().channel, view.end());
        while (batch.size() < maxBatch) {
            if (position.offset() >= view.end()) {
                if (!view.sealed()) {
                    break;
                }
                position = new JournalPosition(view.nextId(), 0);
                view = log.view(position.segmentId());
                reader = new RecordReader(view.segment().channel, view.end());
                continue;
            }
            Optional<byte[]> record = reader.read(position.offset());
            if (record.isEmpty()) {
                throw new IOException("journal record at " + position + " is corrupt");
            }
            batch.add(record.get());
            position = new JournalPosition(position.segmentId(), RecordFormat.end(position.offset(), record.get()));
        }
        return position;
    }

    private void commit(JournalPosition end, long records) throws IOException {
        JournalPosition settled = log.settle(end);
        if (!settled.equals(drainPosition) || records > 0) {
            checkpoint.write(settled);
        }
        drainPosition = settled;
        log.release(settled, records);
    }
}
