package io.pushtech.notifications.infra;

import io.pushtech.notifications.domain.Match;
import io.pushtech.notifications.domain.Role;
import io.pushtech.notifications.infra.LiveEvents.LiveEvent;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

/**
 * Feeds the website channel: reads every partition of {@code matches} (no consumer group, so every instance sees
 * every match and a browser may connect to any of them), starting {@code history} back so events survive a
 * restart for reconnecting browsers, and publishes each match to both users' {@link LiveEvents}. Partitions added
 * to the topic later are picked up every {@code partitionCheck} (as soon as the consumer's metadata shows them) and
 * read from their beginning. Runs on its own thread until {@link #stop()}.
 */
public final class LiveFeed implements Runnable {

    private static final Duration POLL = Duration.ofMillis(200);

    private final Consumer<String, byte[]> consumer;
    private final String topic;
    private final LiveEvents events;
    private final Duration history;
    private final Clock clock;
    private final Duration partitionCheck;
    private volatile boolean running = true;

    public LiveFeed(
            Consumer<String, byte[]> consumer,
            String topic,
            LiveEvents events,
            Duration history,
            Clock clock,
            Duration partitionCheck) {
        this.consumer = consumer;
        this.topic = topic;
        this.events = events;
        this.history = history;
        this.clock = clock;
        this.partitionCheck = partitionCheck;
    }

    @Override
    public void run() {
        try {
            assign();
            long nextCheck = System.nanoTime() + partitionCheck.toNanos();
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    publish(record);
                }
                if (System.nanoTime() - nextCheck >= 0) {
                    assignNewPartitions();
                    nextCheck = System.nanoTime() + partitionCheck.toNanos();
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

    private void assign() {
        List<TopicPartition> partitions = partitions();
        consumer.assign(partitions);
        // The ends first: a record written between the two look-ups is then read, not skipped.
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        long since = clock.millis() - history.toMillis();
        Map<TopicPartition, Long> times = new HashMap<>();
        partitions.forEach(p -> times.put(p, since));
        Map<TopicPartition, OffsetAndTimestamp> offsets = consumer.offsetsForTimes(times);
        for (TopicPartition partition : partitions) {
            OffsetAndTimestamp at = offsets.get(partition);
            consumer.seek(partition, at == null ? ends.get(partition) : at.offset());
        }
    }

    /** Every record of a partition that appeared after the start is new: it is read from its beginning. */
    private void assignNewPartitions() {
        List<TopicPartition> partitions = partitions();
        List<TopicPartition> added = partitions.stream()
                .filter(p -> !consumer.assignment().contains(p))
                .toList();
        if (!added.isEmpty()) {
            // positions of the partitions already assigned survive a new assignment that keeps them
            consumer.assign(partitions);
            consumer.seekToBeginning(added);
        }
    }

    private List<TopicPartition> partitions() {
        return consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition()))
                .toList();
    }

    private void publish(ConsumerRecord<String, byte[]> record) {
        Match match;
        try {
            match = MatchCodec.parse(record.value());
        } catch (RuntimeException e) {
            return;
        }
        String id = record.partition() + "-" + record.offset();
        String body = new JsonObject()
                .put("type", match.started() ? "started" : "ended")
                .put("searchId", match.searchId())
                .put("offerId", match.offerId())
                .put("distance", match.distance())
                .put("reason", match.reason())
                .put("sequence", match.sequence())
                .put("ts", match.ts().toString())
                .put(
                        "offer",
                        new JsonObject()
                                .put("title", match.offerTitle())
                                .put("category", match.offerCategory())
                                .put(
                                        "price",
                                        match.price()
                                                .map(p -> new JsonObject()
                                                        .put("amount", p.amount())
                                                        .put("currency", p.currency()))
                                                .orElse(null)))
                .put("search", new JsonObject().put("keywords", match.keywords()))
                .encode();
        for (Role role : Role.values()) {
            events.publish(match.userIn(role), new LiveEvent(id, "match", role.code(), body));
        }
    }
}
