package io.pushtech.kafidx.infra;

import io.pushtech.common.Json;
import io.pushtech.common.Namespace;
import io.pushtech.kafidx.domain.EventView;
import io.pushtech.kafidx.domain.RawRecord;
import io.pushtech.kafidx.domain.StartPosition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One viewer's Kafka reader, on its own thread: it assigns itself the partitions of the watched topics and seeks,
 * never joins a consumer group and never commits, so it cannot move anyone's offsets. Commands from the viewer
 * (watch, pause, resume, stop) are queued and run on the reader thread between polls.
 */
public final class TopicReader implements Runnable {

    private static final Logger LOGGER = LoggerFactory.getLogger(TopicReader.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(10);

    /** Where the reader's output goes; called on the reader thread. */
    public interface Sink {
        /** Events to show, as JSON text, oldest first. */
        void events(List<String> events);

        void skipped(long count);

        void watching(List<String> topics, Map<String, Integer> partitions);

        void error(String code, String message);

        /** The reader stopped ({@code paused}) or went back to live ({@code resumed}). */
        void state(String state);
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final Namespace namespace;
    private final EventView view;
    private final Sink sink;
    private final BlockingQueue<Runnable> commands = new LinkedBlockingQueue<>();
    private final Map<String, String> plainNames = new HashMap<>();
    private volatile boolean running = true;
    private boolean paused;

    public TopicReader(KafkaConsumer<String, byte[]> consumer, Namespace namespace, EventView view, Sink sink) {
        this.consumer = consumer;
        this.namespace = namespace;
        this.view = view;
        this.sink = sink;
    }

    public void watch(List<String> topics, StartPosition start) {
        command(() -> assignAndSeek(topics, start));
    }

    /** Stops reading; what the page shows stays as it is. */
    public void pause() {
        command(() -> {
            paused = true;
            sink.state("paused");
        });
    }

    /** Reads on from the end of every partition: back to live. */
    public void resume() {
        command(() -> {
            consumer.seekToEnd(consumer.assignment());
            consumer.assignment().forEach(consumer::position);
            paused = false;
            sink.state("resumed");
        });
    }

    public void stop() {
        running = false;
        consumer.wakeup();
    }

    @Override
    public void run() {
        try {
            while (running) {
                try {
                    step();
                } catch (WakeupException e) {
                    // stop() woke the poll up
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (KafkaException e) {
                    LOGGER.atWarn().addKeyValue("error", e.toString()).log("viewer's Kafka reader failed");
                    stopAfterFailure("kafka_error", "reading Kafka failed: " + e.getMessage());
                } catch (RuntimeException e) {
                    LOGGER.atWarn().setCause(e).log("viewer's reader failed");
                    stopAfterFailure("internal_error", "kafidx failed to read the topics; watch again");
                }
            }
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    /** Tells the page and waits for its next watch rather than failing again and again. */
    private void stopAfterFailure(String code, String message) {
        sink.error(code, message);
        paused = true;
    }

    /** Queues {@code command}; a poll lasts at most {@link #POLL}, so it runs within that. */
    private void command(Runnable command) {
        commands.add(command);
    }

    private void step() throws InterruptedException {
        for (Runnable command = commands.poll(); command != null; command = commands.poll()) {
            command.run();
        }
        if (paused || consumer.assignment().isEmpty()) {
            Runnable command = commands.poll(POLL.toMillis(), TimeUnit.MILLISECONDS);
            if (command != null) {
                command.run();
            }
            return;
        }
        List<String> shown = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
            RawRecord raw = new RawRecord(
                    plainNames.getOrDefault(record.topic(), record.topic()),
                    record.partition(),
                    record.offset(),
                    record.timestamp(),
                    Optional.ofNullable(record.key()),
                    record.value());
            view.show(raw, System.nanoTime()).map(Json::toText).ifPresent(shown::add);
        }
        if (!shown.isEmpty()) {
            sink.events(shown);
        }
        long skipped = view.takeSkipped();
        if (skipped > 0) {
            sink.skipped(skipped);
        }
    }

    private void assignAndSeek(List<String> topics, StartPosition start) {
        List<TopicPartition> partitions = new ArrayList<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String topic : topics) {
            String qualified = namespace.topic(topic);
            List<PartitionInfo> infos = consumer.partitionsFor(qualified, METADATA_TIMEOUT);
            if (infos == null || infos.isEmpty()) {
                sink.error("unknown_topic", "topic '" + topic + "' does not exist (yet)");
                continue;
            }
            plainNames.put(qualified, topic);
            infos.forEach(info -> partitions.add(new TopicPartition(qualified, info.partition())));
            counts.put(topic, infos.size());
        }
        if (start instanceof StartPosition.AtOffset at && !partitions.isEmpty() && !hasPartition(partitions, at)) {
            int most = partitions.stream()
                    .mapToInt(TopicPartition::partition)
                    .max()
                    .orElse(0);
            sink.error(
                    "invalid_position",
                    "from.partition " + at.partition().getAsInt() + " is none of the watched topics' partitions (0 to "
                            + most + ")");
            return;
        }
        consumer.assign(partitions);
        new Seeker(consumer).seek(partitions, start);
        paused = false;
        sink.watching(List.copyOf(counts.keySet()), counts);
    }

    private static boolean hasPartition(List<TopicPartition> partitions, StartPosition.AtOffset at) {
        return at.partition().isEmpty()
                || partitions.stream()
                        .anyMatch(p -> p.partition() == at.partition().getAsInt());
    }

    /** Positions the assigned partitions; each position is resolved at once, so no later event is missed. */
    private record Seeker(KafkaConsumer<String, byte[]> consumer) {

        void seek(List<TopicPartition> partitions, StartPosition start) {
            if (start instanceof StartPosition.Earliest) {
                consumer.seekToBeginning(partitions);
            } else if (start instanceof StartPosition.AtTime at) {
                seekToTime(partitions, at.time().toEpochMilli());
            } else if (start instanceof StartPosition.AtOffset at) {
                seekToOffset(partitions, at);
            } else {
                consumer.seekToEnd(partitions);
            }
            partitions.forEach(consumer::position);
        }

        private void seekToTime(List<TopicPartition> partitions, long millis) {
            Map<TopicPartition, Long> query = new HashMap<>();
            partitions.forEach(p -> query.put(p, millis));
            Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query);
            List<TopicPartition> none = new ArrayList<>();
            for (TopicPartition partition : partitions) {
                OffsetAndTimestamp offset = found.get(partition);
                if (offset == null) {
                    none.add(partition);
                } else {
                    consumer.seek(partition, offset.offset());
                }
            }
            if (!none.isEmpty()) {
                // an empty collection would mean every assigned partition
                consumer.seekToEnd(none);
            }
        }

        private void seekToOffset(List<TopicPartition> partitions, StartPosition.AtOffset at) {
            Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            for (TopicPartition partition : partitions) {
                if (at.partition().isEmpty() || at.partition().getAsInt() == partition.partition()) {
                    long offset = Math.max(beginnings.get(partition), Math.min(ends.get(partition), at.offset()));
                    consumer.seek(partition, offset);
                } else {
                    consumer.seekToEnd(List.of(partition));
                }
            }
        }
    }
}
