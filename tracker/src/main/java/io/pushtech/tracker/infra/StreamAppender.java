package io.pushtech.tracker.infra;

import io.pushtech.common.Streams;
import io.pushtech.common.event.TrackingEvent;
import io.pushtech.tracker.domain.EventSink;
import io.pushtech.tracker.domain.SinkOverloadedException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.params.XAddParams;

/**
 * Appends accepted events to the Redis Stream with group commit: one writer thread takes every request waiting
 * in the queue, serializes their events together into as few stream entries as the entry limit allows (each a
 * JSON array of events), writes them in one pipelined round trip, and completes the requests when Redis answered.
 * Under load many requests share an entry and a round trip, which keeps Redis's work per event small; alone, a
 * request costs one entry and one round trip. {@link #append} is called from event loops and never blocks.
 */
public final class StreamAppender implements EventSink, AutoCloseable {

    private static final Logger LOGGER = LoggerFactory.getLogger(StreamAppender.class);
    private static final byte[] EVENTS_FIELD = Streams.EVENTS_FIELD.getBytes(StandardCharsets.UTF_8);

    private final JedisPooled redis;
    private final byte[] streamKey;
    private final FailedWrites fallback;
    private final BlockingQueue<Pending> queue;
    private final int maxRequestsPerWrite;
    private final int maxEventsPerEntry;
    private final Thread writer;
    private final EventJson json = new EventJson();
    private volatile boolean running = true;

    /**
     * @param fallback where a batch goes when Redis fails; it decides whether the requests still succeed
     * @param queueCapacity requests that may wait for the writer; beyond that {@link #append} fails at once
     * @param maxEventsPerEntry requests are merged into one entry up to this many events (a larger request is an
     *     entry of its own)
     */
    public StreamAppender(
            JedisPooled redis,
            String streamKey,
            FailedWrites fallback,
            int queueCapacity,
            int maxRequestsPerWrite,
            int maxEventsPerEntry) {
        this.redis = redis;
        this.streamKey = streamKey.getBytes(StandardCharsets.UTF_8);
        this.fallback = fallback;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.maxRequestsPerWrite = maxRequestsPerWrite;
        this.maxEventsPerEntry = maxEventsPerEntry;
        this.writer = new Thread(this::writeLoop, "tracker-stream-writer");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    @Override
    public CompletionStage<Void> append(List<TrackingEvent> events) {
        return enqueue(new Pending(events, null, new CompletableFuture<>()));
    }

    /**
     * Keeps stream entries that another writer could not get confirmed by Redis in the fallback (the journal), in
     * turn with the requests queued here.
     */
    public CompletionStage<Void> divert(List<byte[]> entries) {
        return enqueue(new Pending(List.of(), entries, new CompletableFuture<>()));
    }

    private CompletionStage<Void> enqueue(Pending pending) {
        if (!queue.offer(pending)) {
            pending.done().completeExceptionally(new SinkOverloadedException("the tracker's write queue is full"));
        }
        return pending.done();
    }

    private void writeLoop() {
        List<Pending> batch = new ArrayList<>(maxRequestsPerWrite);
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxRequestsPerWrite - 1);
                writeInTurn(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    /** Writes runs of requests as groups, and diverts entries handed over for the fallback where they stand. */
    private void writeInTurn(List<Pending> batch) {
        int start = 0;
        for (int i = 0; i < batch.size(); i++) {
            Pending pending = batch.get(i);
            if (pending.diverted() != null) {
                if (i > start) {
                    write(batch.subList(start, i));
                }
                divert(pending);
                start = i + 1;
            }
        }
        if (start < batch.size()) {
            write(batch.subList(start, batch.size()));
        }
    }

    private void divert(Pending pending) {
        try {
            fallback.divert(pending.diverted());
            pending.done().complete(null);
        } catch (RuntimeException e) {
            pending.done().completeExceptionally(e);
        }
    }

    private void write(List<Pending> batch) {
        List<byte[]> entries;
        try {
            entries = entries(batch);
        } catch (RuntimeException e) {
            batch.forEach(p -> p.done().completeExceptionally(e));
            return;
        }
        try {
            if (fallback.mustDivert()) {
                fallback.divert(entries);
            } else {
                xadd(entries);
            }
            batch.forEach(p -> p.done().complete(null));
        } catch (RuntimeException redisFailure) {
            LOGGER.atDebug().setCause(redisFailure).log("writing to the stream failed");
            try {
                fallback.divert(entries);
                batch.forEach(p -> p.done().complete(null));
            } catch (RuntimeException divertFailure) {
                batch.forEach(p -> p.done().completeExceptionally(divertFailure));
            }
        }
    }

    /** The stream entries of {@code batch}: consecutive requests merged up to the entry limit, in order. */
    private List<byte[]> entries(List<Pending> batch) {
        return StreamEntries.of(batch.stream().map(Pending::events).toList(), maxEventsPerEntry, json);
    }

    /** Appends {@code entries} (JSON arrays of events) to the stream in one pipelined round trip. */
    public void xadd(List<byte[]> entries) {
        try (var pipeline = redis.pipelined()) {
            for (byte[] entry : entries) {
                pipeline.xadd(streamKey, XAddParams.xAddParams(), Map.of(EVENTS_FIELD, entry));
            }
            pipeline.sync();
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        writer.join(5_000);
    }

    /** Events to write, or ({@code diverted} not null) entries to hand to the fallback as they are. */
    private record Pending(List<TrackingEvent> events, List<byte[]> diverted, CompletableFuture<Void> done) {}
}
