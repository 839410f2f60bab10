package io.pushtech.storage;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.pushtech.common.Json;
import io.pushtech.common.event.LocationUpdate;
import io.pushtech.storage.domain.LatestLocations;
import io.pushtech.storage.infra.MongoLocationStore;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Materializes the latest location of each device and each user from the compacted {@code locations}
 * topic (kafkastore publishes it) into MongoDB. Offsets
 * are committed only after the batch is written, so a crash replays it (the write is idempotent).
 * Runs on its own thread until {@link #stop()}.
 */
public final class LocationProjector implements Runnable {

    private static final Logger LOGGER = LoggerFactory.getLogger(LocationProjector.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final long RETRY_MILLIS = 1000;

    private final Consumer<String, byte[]> consumer;
    private final MongoLocationStore store;
    private final Counter projected;
    private final Counter unreadable;
    private volatile boolean running = true;

    public LocationProjector(Consumer<String, byte[]> consumer, MongoLocationStore store, MeterRegistry registry) {
        this.consumer = consumer;
        this.store = store;
        this.projected = registry.counter("storage.locations.projected");
        this.unreadable = registry.counter("storage.locations.unreadable");
    }

    @Override
    public void run() {
        try {
            while (running) {
                ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
                if (!records.isEmpty()) {
                    projectUntilStored(records);
                }
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } finally {
            consumer.close();
        }
    }

    /** Stops the loop; safe from any thread. */
    public void stop() {
        running = false;
        consumer.wakeup();
    }

    private void projectUntilStored(ConsumerRecords<String, byte[]> records) {
        LatestLocations latest = new LatestLocations();
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                if (record.value() != null) {
                    latest.add(Json.parse(record.value(), LocationUpdate.class));
                }
            } catch (UncheckedIOException | IllegalArgumentException | NullPointerException e) {
                unreadable.increment();
                LOGGER.atWarn()
                        .addKeyValue("topicName", record.topic())
                        .addKeyValue("partition", record.partition())
                        .addKeyValue("offset", record.offset())
                        .log("skipping unreadable location");
            }
        }
        while (running) {
            try {
                store.saveNewer(latest.values());
                consumer.commitSync();
                projected.increment(latest.values().size());
                return;
            } catch (RuntimeException e) {
                if (e instanceof WakeupException) {
                    throw e;
                }
                LOGGER.atWarn().addKeyValue("error", e.toString()).log("storing locations failed, retrying");
                sleep();
            }
        }
    }

    private void sleep() {
        try {
            Thread.sleep(RETRY_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
