package io.pushtech.storage.infra;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.pushtech.storage.domain.InvalidItemException;
import io.pushtech.storage.domain.MatchEngine;
import io.pushtech.storage.domain.PairState;
import io.pushtech.storage.domain.SharedEngine;
import io.vertx.core.json.DecodeException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Materializes the {@code searches} and {@code offers} topics into the match engine and MongoDB, and
 * publishes the match events each change causes. At start it restores the index and the pair states from
 * MongoDB and reads the log on from the offsets stored with them; without stored offsets (a first start,
 * or after {@code replay storage} dropped them) it rebuilds everything from the beginning of the log,
 * publishing nothing until it has caught up (those events were published before), and then continues
 * each stored pair's sequence. Every instance reads every partition (each holds the whole index). Runs
 * on its own thread until {@link #stop()}.
 */
public final class ItemMaterializer implements Runnable {

    private static final Logger LOGGER = LoggerFactory.getLogger(ItemMaterializer.class);
    private static final Duration POLL = Duration.ofMillis(200);

    /** The Kafka topic and MongoDB collection of each kind of item. */
    public record Topics(String searches, String offers) {}

    /** Where the materialized state lives: the items, the pair states and the log offsets they reflect. */
    public record Stores(MongoItemStore items, MongoPairStore pairs, MongoOffsetStore offsets) {}

    private final Consumer<String, byte[]> consumer;
    private final Topics topics;
    private final SharedEngine engine;
    private final Stores stores;
    private final MatchPublisher publisher;
    private final Materializations materializations;
    private final ItemLog log;
    private final Clock clock;
    private final boolean publishAfterRebuild;
    private final Counter applied;
    private final Counter read;
    private final Counter unreadable;
    private final Timer batchTime;
    private final AtomicLong restored;
    private volatile boolean running = true;
    private volatile boolean caughtUp;
    private volatile long replayed;
    private volatile long toReplay = -1;
    private boolean publishing;
    private Map<TopicPartition, Long> endAtStart = Map.of();

    /**
     * @param publishAfterRebuild whether to publish match events once a rebuild from the beginning of the
     *     log caught up: a service does, {@code replay storage} does not
     */
    public ItemMaterializer(
            Consumer<String, byte[]> consumer,
            Topics topics,
            SharedEngine engine,
            Stores stores,
            MatchPublisher publisher,
            ItemLog log,
            Materializations materializations,
            Clock clock,
            MeterRegistry registry,
            boolean publishAfterRebuild) {
        this.consumer = consumer;
        this.topics = topics;
        this.engine = engine;
        this.stores = stores;
        this.publisher = publisher;
        this.materializations = materializations;
        this.log = log;
        this.clock = clock;
        this.publishAfterRebuild = publishAfterRebuild;
        this.applied = registry.counter("storage.items.applied");
        this.read = registry.counter("storage.items.read");
        this.unreadable = registry.counter("storage.items.unreadable");
        this.batchTime = registry.timer("storage.items.batch");
        this.restored = registry.gauge("storage.items.restored", new AtomicLong());
    }

    /** Records of the log read so far out of those to read at start; {@code total} is -1 before the start. */
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
            start();
            while (running) {
                ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
                read.increment(records.count());
                Timer.Sample sample = Timer.start();
                applyUntilStored(records);
                sample.stop(batchTime);
                if (!caughtUp) {
                    replayed += records.count();
                    if (endAtStart.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
                        if (!publishing) {
                            finishRebuild();
                        }
                        caughtUp = true;
                        LOGGER.atInfo()
                                .addKeyValue("items", engine.read(MatchEngine::indexedItems))
                                .addKeyValue("records", replayed)
                                .log("index caught up with the log");
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

    private void start() {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of(topics.searches(), topics.offers())) {
            consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        consumer.assign(partitions);
        Map<TopicPartition, Long> stored = stores.offsets().load();
        if (stored.isEmpty()) {
            LOGGER.atInfo().log("no stored log offsets: rebuilding the index from the beginning of the log");
            consumer.seekToBeginning(partitions);
        } else {
            restore();
            for (TopicPartition partition : partitions) {
                Long offset = stored.get(partition);
                if (offset == null) {
                    consumer.seekToBeginning(List.of(partition));
                } else {
                    consumer.seek(partition, offset);
                }
            }
            publishing = true;
        }
        endAtStart = consumer.endOffsets(partitions);
        long from = partitions.stream().mapToLong(consumer::position).sum();
        toReplay = endAtStart.values().stream().mapToLong(Long::longValue).sum() - from;
    }

    /** Loads the index and the pair states stored in MongoDB. */
    private void restore() {
        Instant now = clock.instant();
        int items = engine.write(e -> {
            stores.items().forEach("searches", json -> restore(() -> e.restore(ItemCodec.search(json), now)));
            stores.items().forEach("offers", json -> restore(() -> e.restore(ItemCodec.offer(json), now)));
            stores.pairs().forEach(e::restore);
            e.drainPairChanges();
            return e.indexedItems();
        });
        restored.set(items);
        LOGGER.atInfo().addKeyValue("items", items).log("index restored from MongoDB");
    }

    private void restore(Runnable decodeAndRestore) {
        try {
            decodeAndRestore.run();
        } catch (InvalidItemException | IllegalArgumentException | NullPointerException | NoSuchElementException e) {
            unreadable.increment();
            LOGGER.atWarn().addKeyValue("error", e.getMessage()).log("skipping unreadable stored item");
        }
    }

    /** A rebuild from the beginning of the log caught up: stores every pair state and the offsets reached. */
    private void finishRebuild() {
        List<PairState> stored = untilStored(() -> stores.pairs().all());
        List<PairState> all = engine.write(e -> {
            e.continueSequences(stored);
            e.drainPairChanges();
            return e.pairStates();
        });
        Map<TopicPartition, Long> positions = positions();
        untilStored(() -> {
            stores.pairs().save(all);
            stores.offsets().save(positions);
            return null;
        });
        publishing = publishAfterRebuild;
    }

    private void applyUntilStored(ConsumerRecords<String, byte[]> records) {
        Instant now = clock.instant();
        ItemBatch batch = new ItemBatch(topics, log, publishing, now);
        Collection<PairState> pairs = engine.write(e -> {
            for (ConsumerRecord<String, byte[]> record : records) {
                apply(e, record, batch);
            }
            batch.events.addAll(e.expire(now));
            return e.drainPairChanges();
        });
        if (records.isEmpty() && batch.isEmpty() && pairs.isEmpty()) {
            return;
        }
        Map<TopicPartition, Long> positions = records.isEmpty() ? Map.of() : positions();
        // Events first, then pairs, items, re-appended changes and offsets: a crash in between re-reads the
        // batch and publishes the same events with the same sequence numbers, and never finds an item
        // ahead of its pairs.
        untilStored(() -> {
            if (publishing) {
                publisher.publish(batch.events, now);
                stores.pairs().save(pairs);
            }
            if (!batch.writes.isEmpty()) {
                stores.items().apply(List.copyOf(batch.writes.values()));
            }
            if (publishing) {
                CompletableFuture.allOf(
                                batch.appends.stream().map(Supplier::get).toArray(CompletableFuture[]::new))
                        .join();
                stores.offsets().save(positions);
            }
            return null;
        });
        batch.stored.forEach(materializations::changed);
        batch.deleted.forEach(materializations::deleted);
        applied.increment(batch.writes.size());
    }

    private Map<TopicPartition, Long> positions() {
        Map<TopicPartition, Long> positions = new HashMap<>();
        for (TopicPartition partition : consumer.assignment()) {
            positions.put(partition, consumer.position(partition));
        }
        return positions;
    }

    /** Runs a MongoDB or Kafka step until it succeeds or the materializer stops. */
    private <R> R untilStored(Supplier<R> step) {
        while (true) {
            try {
                return step.get();
            } catch (RuntimeException ex) {
                if (ex instanceof WakeupException) {
                    throw ex;
                }
                if (!running) {
                    // Stopping: the batch is read again at the next start.
                    throw new WakeupException();
                }
                LOGGER.atWarn().addKeyValue("error", ex.toString()).log("storing items failed, retrying");
                sleep();
            }
        }
    }

    private void apply(MatchEngine e, ConsumerRecord<String, byte[]> record, ItemBatch batch) {
        if (record.value() == null) {
            batch.delete(e, record.topic(), record.key());
            return;
        }
        try {
            batch.apply(e, record.topic(), ItemChange.read(record.value()));
        } catch (DecodeException
                | InvalidItemException
                | IllegalArgumentException
                | ClassCastException
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
