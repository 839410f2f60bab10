package io.pushtech.storage;

import io.pushtech.common.kafka.KafkaClientProperties;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;

/** Reads the {@code matches} topic from its beginning, for tests. */
final class MatchesTopic implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<JsonObject> seen = new ArrayList<>();

    MatchesTopic(String bootstrap, String topic) {
        consumer = new KafkaConsumer<>(
                KafkaClientProperties.consumer(bootstrap, "test-" + UUID.randomUUID(), "test-matches"));
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Every match event read so far that satisfies {@code condition}, once there is at least one. */
    List<JsonObject> awaitAny(Predicate<JsonObject> condition) {
        return Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> matching(condition), found -> !found.isEmpty());
    }

    /** Every match event read so far (after one more poll) that satisfies {@code condition}. */
    List<JsonObject> matching(Predicate<JsonObject> condition) {
        consumer.poll(Duration.ofMillis(200))
                .forEach(r -> seen.add(new JsonObject(new String(r.value(), java.nio.charset.StandardCharsets.UTF_8))
                        .put(RECORD_KEY, r.key())));
        return seen.stream().filter(condition).toList();
    }

    /** Where {@link #matching} puts each record's Kafka key. */
    static final String RECORD_KEY = "_recordKey";

    static Predicate<JsonObject> pair(String type, String searchId, String offerId) {
        return m -> m.getString("type").equals(type)
                && m.getString("searchId").equals(searchId)
                && m.getString("offerId").equals(offerId);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
