package io.pushtech.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.resps.StreamEntry;

/** Stacks of their own, closed and started again on the same data directory. */
class RestartIT {

    private static final String TOPIC = "restart.events";
    private static final String STREAM = "restart:events";

    @TempDir
    Path dataDir;

    @Test
    void dataOfAllPartsSurvivesARestartOnOtherPorts() throws Exception {
        // Given
        StackPorts previous;
        try (DevStack first = DevStack.start(DevStackOptions.inDirectory(dataDir))) {
            writeToEveryPart(first);
            previous = first.ports();
        }
        StackPorts other = otherPortsThan(previous);
        other.remember(dataDir);

        // When
        try (DevStack second = DevStack.start(DevStackOptions.inDirectory(dataDir))) {

            // Then
            assertThat(second.ports()).isEqualTo(other);
            assertThat(KafkaClients.readAll(second, TOPIC, 1))
                    .extracting(ConsumerRecord::value)
                    .containsExactly("kept");
            assertThat(readStream(second)).containsExactly("kept");
            assertThat(readDocument(second)).containsEntry("value", "kept");
        }
    }

    @Test
    void restartOnFreePortsReusesThePortsOfThePreviousRun() {
        // Given
        StackPorts previous;
        try (DevStack first = DevStack.start(DevStackOptions.inDirectory(dataDir))) {
            previous = first.ports();
        }

        // When
        try (DevStack second = DevStack.start(DevStackOptions.inDirectory(dataDir))) {

            // Then
            assertThat(second.ports()).isEqualTo(previous);
        }
    }

    @Test
    void closeStopsEveryPartAndMayBeRepeated() {
        // Given
        DevStack stack = DevStack.start(DevStackOptions.inDirectory(dataDir));
        StackPorts ports = stack.ports();

        // When
        stack.close();
        stack.close();

        // Then
        assertThat(stack.kafka().isRunning()).isFalse();
        assertThat(stack.redis().isRunning()).isFalse();
        assertThat(List.of(ports.kafka(), ports.redis(), ports.mongo())).noneMatch(FreePorts::accepts);
    }

    private static StackPorts otherPortsThan(StackPorts previous) {
        Set<Integer> taken = new HashSet<>(
                List.of(previous.kafka(), previous.kafkaController(), previous.redis(), previous.mongo()));
        int kafka = pickInto(taken);
        int controller = pickInto(taken);
        int redis = pickInto(taken);
        return new StackPorts(kafka, controller, redis, pickInto(taken));
    }

    private static int pickInto(Set<Integer> taken) {
        int port = FreePorts.pick(taken);
        taken.add(port);
        return port;
    }

    private static void writeToEveryPart(DevStack stack) throws Exception {
        try (KafkaProducer<String, String> producer = KafkaClients.producer(stack)) {
            producer.send(new ProducerRecord<>(TOPIC, "kept")).get(60, TimeUnit.SECONDS);
        }
        try (JedisPooled redis = new JedisPooled(stack.redisUrl())) {
            redis.xadd(STREAM, StreamEntryID.NEW_ENTRY, Map.of("value", "kept"));
        }
        try (MongoClient client = MongoClients.create(stack.mongoUri())) {
            client.getDatabase("restart")
                    .getCollection("items")
                    .insertOne(new Document("_id", 1).append("value", "kept"));
        }
    }

    private static List<String> readStream(DevStack stack) {
        try (JedisPooled redis = new JedisPooled(stack.redisUrl())) {
            return redis.xrange(STREAM, (StreamEntryID) null, (StreamEntryID) null).stream()
                    .map(StreamEntry::getFields)
                    .map(fields -> fields.get("value"))
                    .toList();
        }
    }

    private static Document readDocument(DevStack stack) {
        try (MongoClient client = MongoClients.create(stack.mongoUri())) {
            return client.getDatabase("restart")
                    .getCollection("items")
                    .find(new Document("_id", 1))
                    .first();
        }
    }
}
