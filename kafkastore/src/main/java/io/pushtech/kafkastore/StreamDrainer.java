package io.pushtech.kafkastore;

import io.pushtech.kafkastore.domain.OutgoingRecord;
import io.pushtech.kafkastore.infra.KafkaPublisher;
import io.pushtech.kafkastore.infra.RedisStreamSource;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.resps.StreamEntry;

/**
 * Moves one Redis source's events to Kafka, at least once. Batches are read with {@code XREADGROUP}, enriched and
 * sent; a few batches may be in flight at once, and each is {@code XACK}ed only once Kafka acknowledged all of its
 * records. When a send fails (Kafka unreachable), reading stops: the drainer waits for what is in flight, then
 * re-reads its own pending entries before any new one, so the stream holds everything Kafka did not take. Entries
 * other consumers left pending longer than the claim idle time are taken over with {@code XAUTOCLAIM}. Once a second,
 * entries that every consumer group has acknowledged are trimmed from the stream. Runs on its
 * own thread until {@link #stop()}.
 */
public final class StreamDrainer implements Runnable {

    private static final Logger LOGGER = LoggerFactory.getLogger(StreamDrainer.class);
    private static final int BLOCK_MILLIS = 500;
    private static final long RETRY_MILLIS = 1000;
    private static final long STATE_INTERVAL_NANOS = Duration.ofSeconds(5).toNanos();
    private static final long TRIM_INTERVAL_NANOS = Duration.ofSeconds(1).toNanos();
    private static final StreamEntryID START = new StreamEntryID();
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(5);

    private final RedisStreamSource source;
    private final ParallelTranslation translator;
    private final KafkaPublisher publisher;
    private final DrainerOptions options;
    private final DrainerMetrics metrics;
    private final ArrayDeque<InFlight> inFlight = new ArrayDeque<>();
    private final Set<StreamEntryID> inFlightIds = new HashSet<>();
    private volatile boolean running = true;
    private boolean readingPending = true;
    private StreamEntryID pendingCursor = START;
    private StreamEntryID claimCursor = START;
    private long nextClaim = System.nanoTime();
    private long nextState = System.nanoTime();
    private long nextTrim = System.nanoTime();

    StreamDrainer(
            RedisStreamSource source,
            ParallelTranslation translator,
            KafkaPublisher publisher,
            DrainerOptions options,
            DrainerMetrics metrics) {
        this.source = source;
        this.translator = translator;
        this.publisher = publisher;
        this.options = options;
        this.metrics = metrics;
    }

    @Override
    public void run() {
        while (running) {
            try {
                step();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                LOGGER.atWarn()
                        .addKeyValue("source", source.name())
                        .addKeyValue("error", e.toString())
                        .log("reading Redis or handing off to Kafka failed; re-reading pending entries");
                recover();
            }
        }
        drainInFlight(SHUTDOWN_WAIT);
    }

    /** Asks the loop to end; batches in flight are still acknowledged when Kafka takes them. */
    public void stop() {
        running = false;
    }

    private void step() throws Exception {
        ackCompleted();
        refreshStreamState();
        trimAcknowledged();
        if (inFlight.size() >= options.maxInFlightBatches()) {
            awaitOldest();
            return;
        }
        Batch batch = nextBatch();
        if (batch.entries().isEmpty()) {
            if (!inFlight.isEmpty()) {
                awaitOldest();
            }
            return;
        }
        send(batch);
    }

    private Batch nextBatch() {
        if (readingPending) {
            List<StreamEntry> pending = source.readPending(pendingCursor, options.batchSize());
            if (pending.isEmpty()) {
                readingPending = false;
            } else {
                pendingCursor = pending.get(pending.size() - 1).getID();
            }
            return new Batch(pending, false);
        }
        if (System.nanoTime() - nextClaim >= 0) {
            RedisStreamSource.Claimed claimed =
                    source.claimIdle(options.claimIdle().toMillis(), claimCursor, options.batchSize());
            claimCursor = claimed.next();
            if (START.equals(claimCursor)) {
                nextClaim = System.nanoTime() + options.claimIdle().toNanos() / 2;
            }
            List<StreamEntry> taken = claimed.entries().stream()
                    .filter(entry -> !inFlightIds.contains(entry.getID()))
                    .toList();
            if (!taken.isEmpty()) {
                LOGGER.atInfo()
                        .addKeyValue("source", source.name())
                        .addKeyValue("entries", taken.size())
                        .log("claimed entries left pending by another consumer");
                return new Batch(taken, true);
            }
        }
        return new Batch(source.readNew(options.batchSize(), inFlight.isEmpty() ? BLOCK_MILLIS : 0), false);
    }

    private void send(Batch batch) throws InterruptedException {
        metrics.batchRead(batch.entries().size(), batch.claimed());
        long start = System.nanoTime();
        List<OutgoingRecord> records = translator.translate(batch.entries());
        long sent = System.nanoTime();
        metrics.enriched(batch.entries().size(), sent - start);
        batch.entries().forEach(entry -> inFlightIds.add(entry.getID()));
        inFlight.add(new InFlight(batch.entries(), records, sent, publisher.send(records)));
    }

    /** Acknowledges every batch Kafka fully took; throws the error of a batch it refused. */
    private void ackCompleted() throws ExecutionException, InterruptedException {
        for (Iterator<InFlight> it = inFlight.iterator(); it.hasNext(); ) {
            InFlight batch = it.next();
            if (!batch.acked().isDone()) {
                continue;
            }
            batch.acked().get();
            source.ack(batch.entries());
            it.remove();
            batch.entries().forEach(entry -> inFlightIds.remove(entry.getID()));
            metrics.published(batch.records(), System.nanoTime() - batch.sentAt());
        }
    }

    private void awaitOldest() throws InterruptedException {
        try {
            inFlight.peek().acked().get(BLOCK_MILLIS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // ackCompleted, next step, reports a failure; a timeout just means Kafka is slow.
        }
    }

    private void refreshStreamState() {
        if (System.nanoTime() - nextState < 0) {
            return;
        }
        nextState = System.nanoTime() + STATE_INTERVAL_NANOS;
        metrics.streamState(source.pending(), source.lag().orElse(-1));
    }

    /** Keeps Redis's memory to what is not in Kafka yet (or what another group of the stream still reads). */
    private void trimAcknowledged() {
        if (System.nanoTime() - nextTrim < 0) {
            return;
        }
        nextTrim = System.nanoTime() + TRIM_INTERVAL_NANOS;
        metrics.trimmed(source.trimAcknowledged());
    }

    /** After a failure: let the batches in flight end, acknowledge those Kafka took, then re-read pending entries. */
    private void recover() {
        drainInFlight(options.inFlightTimeout());
        inFlight.clear();
        inFlightIds.clear();
        readingPending = true;
        pendingCursor = START;
        try {
            Thread.sleep(RETRY_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
        recreateGroupIfLost();
    }

    /** A Redis that lost its data (restarted without its append-only file, or flushed) lost the group with it. */
    private void recreateGroupIfLost() {
        try {
            if (source.ensureGroup()) {
                metrics.groupRecreated();
                LOGGER.atWarn()
                        .addKeyValue("source", source.name())
                        .log("the stream's consumer group was gone (Redis lost its data?); created it again");
            }
        } catch (RuntimeException e) {
            // still unreachable: the next step fails as well and comes back here
        }
    }

    private void drainInFlight(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (InFlight batch : inFlight) {
            try {
                batch.acked().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                source.ack(batch.entries());
                metrics.published(batch.records(), System.nanoTime() - batch.sentAt());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                // Not acknowledged: the entries stay pending and are read again.
            }
        }
        inFlight.clear();
        inFlightIds.clear();
    }

    private record Batch(List<StreamEntry> entries, boolean claimed) {}

    private record InFlight(
            List<StreamEntry> entries, List<OutgoingRecord> records, long sentAt, CompletableFuture<Void> acked) {}
}
