package io.pushtech.storage.infra;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.pushtech.storage.domain.InvalidItemException;
import io.pushtech.storage.domain.MatchEngine;
import io.pushtech.storage.domain.MatchEvent;
import io.pushtech.storage.domain.MatchEvent.Reason;
import io.pushtech.storage.domain.SharedEngine;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Materializes the {@code searches} and {@code offers} topics, read in full from the beginning (the
 * index is rebuilt from the log at every start), into the match engine and MongoDB, and publishes the
 * match events each change causes. While it catches up with the log it publishes nothing (those
 * events were published before). Runs on its own thread until {@link #stop()}.
 */
public final class ItemMaterializer implements Runnable {

    private static final Logger LOGGER = LoggerFactory.getLogger(ItemMaterializer.class);
    private static final Duration POLL = Duration.ofMillis(200);

    /** The Kafka topic and MongoDB collection of each kind of item. */
    public record Topics(String searches, String offers) {}

    private final Consumer<String, byte[]> consumer;
    private final Topics topics;
    private final SharedEngine engine;
    private final MongoItemStore store;
    private final MatchPublisher publisher;
    private final Materializations materializations;
    private final Clock clock;
    private final Counter applied;
    private final Counter unreadable;
    private final Timer batchTime;
    private volatile boolean running = true;
    private volatile boolean caughtUp;
    private volatile long replayed;
    private volatile long toReplay = -1;
    private Map<TopicPartition, Long> endAtStart = Map.of();

    public ItemMaterializer(
            Consumer<String, byte[]> consumer,
            Topics topics,
            SharedEngine engine,
            MongoItemStore store,
            MatchPublisher publisher,
            Materializations materializations,
            Clock clock,
            MeterRegistry registry) {
        this.consumer = consumer;
        this.topics = topics;
        this.engine = engine;
        this.store = store;
        this.publisher = publisher;
        this.materializations = materializations;
        this.clock = clock;
        this.applied = registry.counter("storage.items.applied");
        this.unreadable = registry.counter("storage.items.unreadable");
        this.batchTime = registry.timer("storage.items.batch");
    }

    /** Records of the log read so far out of those present at start; {@code total} is -1 before the start. */
    public record Progress(long done, long total) {}

    public Progress progress() {
        return new Progress(replayed, toReplay);
    }

    /** Whether the index holds every item that was in the log when this instance started. */
    public boolean caughtUp() {
        return caughtUp;
    }

    @Override
    public void run() {
        try {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(topics.searches(), topics.offers())) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            endAtStart = consumer.endOffsets(partitions);
            toReplay = endAtStart.values().stream().mapToLong(Long::longValue).sum()
                    - consumer.beginningOffsets(partitions).values().stream()
                            .mapToLong(Long::longValue)
                            .sum();
            while (running) {
                ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
                Timer.Sample sample = Timer.start();
                applyUntilStored(records);
                sample.stop(batchTime);
                if (!caughtUp) {
                    replayed += records.count();
                    caughtUp =
                            endAtStart.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
                    if (caughtUp) {
                        LOGGER.atInfo()
                                .addKeyValue("items", engine.read(MatchEngine::indexedItems))
                                .log("index rebuilt from the log");
                    }
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

    public void stop() {
        running = false;
        consumer.wakeup();
    }

    private void applyUntilStored(ConsumerRecords<String, byte[]> records) {
        Instant now = clock.instant();
        List<MatchEvent> events = new ArrayList<>();
        Map<String, MongoItemStore.Write> writes = new HashMap<>();
        Map<String, Long> versions = new HashMap<>();
        engine.write(e -> {
            for (ConsumerRecord<String, byte[]> record : records) {
                apply(e, record, now, events, writes, versions);
            }
            events.addAll(e.expire(now));
            return null;
        });
        while (running) {
            try {
                if (!writes.isEmpty()) {
                    store.apply(List.copyOf(writes.values()));
                }
                if (caughtUp && !events.isEmpty()) {
                    publisher.publish(events, now);
                }
                versions.forEach(materializations::stored);
                applied.increment(writes.size());
                return;
            } catch (RuntimeException ex) {
                if (ex instanceof WakeupException) {
                    throw ex;
                }
                LOGGER.atWarn().addKeyValue("error", ex.toString()).log("storing items failed, retrying");
                sleep();
            }
        }
    }

    private void apply(
            MatchEngine e,
            ConsumerRecord<String, byte[]> record,
            Instant now,
            List<MatchEvent> events,
            Map<String, MongoItemStore.Write> writes,
            Map<String, Long> versions) {
        boolean search = record.topic().equals(topics.searches());
        String collection = search ? "searches" : "offers";
        String id = record.key();
        if (record.value() == null) {
            events.addAll(search ? e.removeSearch(id) : e.removeOffer(id));
            writes.put(collection + "/" + id, new MongoItemStore.Write(collection, id, Optional.empty()));
            versions.put(id, Materializations.DELETED);
            return;
        }
        try {
            JsonObject json = new JsonObject(Buffer.buffer(record.value()));
            Reason reason = Reason.valueOf(json.getString("reason", "updated").toUpperCase(Locale.ROOT));
            json.remove("reason");
            if (search) {
                var item = ItemCodec.search(json);
                if (e.isNewer(item)) {
                    events.addAll(e.apply(item, reason, now));
                    writes.put(
                            collection + "/" + id,
                            new MongoItemStore.Write(collection, id, Optional.of(ItemCodec.toJson(item))));
                }
                versions.put(id, e.search(id).orElseThrow().version());
            } else {
                var item = ItemCodec.offer(json);
                if (e.isNewer(item)) {
                    events.addAll(e.apply(item, reason, now));
                    writes.put(
                            collection + "/" + id,
                            new MongoItemStore.Write(collection, id, Optional.of(ItemCodec.toJson(item))));
                }
                versions.put(id, e.offer(id).orElseThrow().version());
            }
        } catch (DecodeException
                | InvalidItemException
                | IllegalArgumentException
                | NullPointerException
                | NoSuchElementException ex) {
            unreadable.increment();
            LOGGER.atWarn()
                    .addKeyValue("topicName", record.topic())
                    .addKeyValue("partition", record.partition())
                    .addKeyValue("offset", record.offset())
                    .addKeyValue("error", ex.getMessage())
                    .log("skipping unreadable item change");
        }
    }

    private void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
