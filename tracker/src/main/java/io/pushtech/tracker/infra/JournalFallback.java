package io.pushtech.tracker.infra;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.pushtech.common.http.DegradedException;
import io.pushtech.tracker.domain.SinkOverloadedException;
import io.pushtech.tracker.infra.journal.DiskJournal;
import io.pushtech.tracker.infra.journal.JournalFullException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps stream entries that Redis did not take in the on-disk journal (fsync'd before the client's answer), and
 * replays them in order when Redis answers again. While the journal holds anything, new entries go to it too, so
 * the stream receives everything in the order it was accepted. When the journal is full, entries are refused
 * (the client gets 503). {@link #divert} runs on the stream writer's thread, {@link #replayOnce} on the replayer's.
 */
public final class JournalFallback implements FailedWrites {

    private static final Logger LOGGER = LoggerFactory.getLogger(JournalFallback.class);
    private static final int REPLAY_BATCH = 256;

    private final DiskJournal journal;
    private final Counter journaled;
    private final Counter replayed;

    public JournalFallback(DiskJournal journal, MeterRegistry registry) {
        this.journal = journal;
        this.journaled = registry.counter("tracker.entries.journaled");
        this.replayed = registry.counter("tracker.entries.replayed");
        registry.gauge("tracker.journal.bytes", journal, DiskJournal::sizeBytes);
    }

    @Override
    public boolean mustDivert() {
        return !journal.isEmpty();
    }

    @Override
    public void divert(List<byte[]> entries) {
        try {
            journal.append(entries);
            journaled.increment(entries.size());
        } catch (JournalFullException e) {
            throw new SinkOverloadedException("the event stream is unavailable and the tracker's journal is full");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replays what the journal holds into {@code stream}; stops at the first failure, to try again later. */
    public void replayOnce(StreamAppender stream) {
        if (journal.isEmpty()) {
            return;
        }
        try {
            long count = journal.drain(REPLAY_BATCH, stream::xadd);
            replayed.increment(count);
            LOGGER.atInfo().addKeyValue("entries", count).log("replayed the journal into the event stream");
        } catch (Exception e) {
            LOGGER.atDebug().addKeyValue("error", e.toString()).log("journal replay failed, Redis still unreachable");
        }
    }

    /** For {@code /ready}: degraded while events wait in the journal. */
    public void probe() {
        if (!journal.isEmpty()) {
            throw new DegradedException(journal.recordCount() + " accepted requests wait in the journal for Redis ("
                    + journal.sizeBytes() + " bytes)");
        }
    }
}
