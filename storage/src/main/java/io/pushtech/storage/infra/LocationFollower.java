package io.pushtech.storage.infra;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.pushtech.common.Json;
import io.pushtech.common.event.LocationUpdate;
import io.pushtech.storage.domain.GeoPoint;
import io.pushtech.storage.domain.InvalidItemException;
import io.pushtech.storage.domain.Offer;
import io.pushtech.storage.domain.Search;
import io.pushtech.storage.domain.SharedEngine;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves the searches and offers that follow their owner: each {@code locations} record of a user is
 * turned into a <em>moved</em> change of every live following item of that user, appended to the item
 * topics (so every replica of the index sees the move; the materializer re-evaluates the matches).
 * Consumes as a group, so each location is handled by one instance; commits after Kafka took the moves.
 * Runs on its own thread until {@link #stop()}.
 */
public final class LocationFollower implements Runnable {

    private static final Logger LOGGER = LoggerFactory.getLogger(LocationFollower.class);
    private static final Duration POLL = Duration.ofMillis(200);
    /** Moves shorter than this are not worth a change (GPS jitter). */
    private static final double MIN_MOVE_METERS = 1;

    private static final long RETRY_MILLIS = 1000;

    private final Consumer<String, byte[]> consumer;
    private final SharedEngine engine;
    private final ItemLog log;
    private final Clock clock;
    private final Counter moved;
    private volatile boolean running = true;

    public LocationFollower(
            Consumer<String, byte[]> consumer, SharedEngine engine, ItemLog log, Clock clock, MeterRegistry registry) {
        this.consumer = consumer;
        this.engine = engine;
        this.log = log;
        this.clock = clock;
        this.moved = registry.counter("storage.items.moved");
    }

    @Override
    public void run() {
        try {
            while (running) {
                ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
                if (!records.isEmpty()) {
                    followUntilAppended(records);
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

    private void followUntilAppended(ConsumerRecords<String, byte[]> records) {
        while (running) {
            try {
                List<CompletableFuture<Void>> appends = new ArrayList<>();
                for (ConsumerRecord<String, byte[]> record : records) {
                    follow(record, appends);
                }
                CompletableFuture.allOf(appends.toArray(CompletableFuture[]::new))
                        .join();
                consumer.commitSync();
                moved.increment(appends.size());
                return;
            } catch (CompletionException | KafkaException e) {
                if (e instanceof WakeupException) {
                    throw e;
                }
                LOGGER.atWarn().addKeyValue("error", e.toString()).log("appending moves failed, retrying");
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

    public void stop() {
        running = false;
        consumer.wakeup();
    }

    private void follow(ConsumerRecord<String, byte[]> record, List<CompletableFuture<Void>> appends) {
        if (record.value() == null) {
            return;
        }
        LocationUpdate update;
        GeoPoint to;
        try {
            update = Json.parse(record.value(), LocationUpdate.class);
            to = new GeoPoint(update.lat(), update.lng());
        } catch (UncheckedIOException | IllegalArgumentException | InvalidItemException e) {
            LOGGER.atWarn()
                    .addKeyValue("topicName", record.topic())
                    .addKeyValue("partition", record.partition())
                    .addKeyValue("offset", record.offset())
                    .log("skipping unreadable location");
            return;
        }
        if (update.userId() == null) {
            return;
        }
        Instant now = clock.instant();
        List<Search> searches = engine.read(e -> e.searchesFollowing(update.userId()));
        List<Offer> offers = engine.read(e -> e.offersFollowing(update.userId()));
        for (Search s : searches) {
            if (s.isLive(now) && s.region().center().distanceTo(to) >= MIN_MOVE_METERS) {
                appends.add(
                        log.appendSearch(ItemChange.moved(ItemCodec.toJson(s), ItemCodec.toJson(s.movedTo(to, now)))));
            }
        }
        for (Offer o : offers) {
            if (o.isLive(now) && o.region().center().distanceTo(to) >= MIN_MOVE_METERS) {
                appends.add(
                        log.appendOffer(ItemChange.moved(ItemCodec.toJson(o), ItemCodec.toJson(o.movedTo(to, now)))));
            }
        }
    }
}
