package io.pushtech.kafkastore;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.pushtech.common.Topics;
import io.pushtech.kafkastore.domain.EventTranslator;
import io.pushtech.kafkastore.domain.OutgoingRecord;
import io.pushtech.kafkastore.infra.KafkaPublisher;
import io.pushtech.kafkastore.infra.RedisStreamSource;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.resps.StreamEntry;

/**
 * Moves events from the Redis Stream to Kafka, at least once: a batch is acknowledged in Redis only
 * after Kafka acknowledged all of it; after a failure the same entries are read again from this
 * consumer's pending list. Runs on its own thread until {@link #stop()}.
 */
public final class StreamDrainer implements Runnable {

    private static final Logger LOGGER = LoggerFactory.getLogger(StreamDrainer.class);
    private static final int BLOCK_MILLIS = 1000;
    private static final long RETRY_MILLIS = 1000;

    private final RedisStreamSource source;
    private final KafkaPublisher publisher;
    private final EventTranslator translator = new EventTranslator();
    private final int batchSize;
    private final Counter published;
    private final Counter rejected;
    private final DistributionSummary batchSizes;
    private volatile boolean running = true;
    private boolean pendingFirst = true;

    public StreamDrainer(RedisStreamSource source, KafkaPublisher publisher, int batchSize, MeterRegistry registry) {
        this.source = source;
        this.publisher = publisher;
        this.batchSize = batchSize;
        this.published = registry.counter("kafkastore.events.published");
        this.rejected = registry.counter("kafkastore.events.rejected");
        this.batchSizes = registry.summary("kafkastore.batch.size");
    }

    @Override
    public void run() {
        while (running) {
            try {
                drainOnce();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                pendingFirst = true;
                LOGGER.atWarn().addKeyValue("error", e.toString()).log("hand-off to Kafka failed, retrying");
                pause();
            }
        }
    }

    public void stop() {
        running = false;
    }

    private void drainOnce() throws Exception {
        List<StreamEntry> entries =
                pendingFirst ? source.readPending(batchSize) : source.readNew(batchSize, BLOCK_MILLIS);
        if (pendingFirst && entries.isEmpty()) {
            pendingFirst = false;
            return;
        }
        if (entries.isEmpty()) {
            return;
        }
        List<OutgoingRecord> records = entries.stream()
                .flatMap(entry -> translator.translate(entry.getID().toString(), entry.getFields()).stream())
                .toList();
        publisher.publishAll(records);
        source.ack(entries);
        rejected.increment(count(records, Topics.EVENTS_REJECTED));
        published.increment(count(records, Topics.EVENTS));
        batchSizes.record(entries.size());
    }

    private static long count(List<OutgoingRecord> records, String topic) {
        return records.stream().filter(r -> topic.equals(r.topic())).count();
    }

    private void pause() {
        try {
            Thread.sleep(RETRY_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
