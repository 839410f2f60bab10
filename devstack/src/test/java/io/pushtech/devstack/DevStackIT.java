package io.pushtech.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import io.pushtech.devstack.junit.TestNamespace;
import io.pushtech.devstack.junit.WithDevStack;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.resps.StreamEntry;

@WithDevStack
class DevStackIT {

    private final DevStack stack;
    private final TestNamespace namespace;

    DevStackIT(DevStack stack, TestNamespace namespace) {
        this.stack = stack;
        this.namespace = namespace;
    }

    @Test
    void startsWithinFifteenSecondsOnLoopbackAddresses() {
        // Then
        assertThat(stack.startupTime()).isLessThan(Duration.ofSeconds(15));
        assertThat(stack.kafkaBootstrap()).startsWith("127.0.0.1:");
        assertThat(stack.redisUrl()).startsWith("redis://127.0.0.1:");
        assertThat(stack.mongoUri()).startsWith("mongodb://127.0.0.1:");
    }

    @Test
    void kafkaCarriesARecordFromProducerToConsumer() throws Exception {
        // Given
        String topic = namespace.value() + ".greetings";
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }

        // When
        try (KafkaProducer<String, String> producer = KafkaClients.producer(stack)) {
            producer.send(new ProducerRecord<>(topic, "device-1", "hello")).get(30, TimeUnit.SECONDS);
        }

        // Then
        assertThat(KafkaClients.readAll(stack, topic, 1))
                .extracting(ConsumerRecord::value)
                .containsExactly("hello");
    }

    @Test
    void redisStreamKeepsAppendedEntries() {
        // Given
        String key = namespace.value() + ":events";
        try (JedisPooled redis = new JedisPooled(stack.redisUrl())) {

            // When
            redis.xadd(key, StreamEntryID.NEW_ENTRY, Map.of("type", "view"));
            redis.xadd(key, StreamEntryID.NEW_ENTRY, Map.of("type", "location"));

            // Then
            List<StreamEntry> entries = redis.xrange(key, (StreamEntryID) null, (StreamEntryID) null);
            assertThat(entries)
                    .extracting(entry -> entry.getFields().get("type"))
                    .containsExactly("view", "location");
        }
    }

    @Test
    void mongoFindsAnInsertedDocument() {
        // Given
        try (MongoClient client = MongoClients.create(stack.mongoUri())) {
            MongoCollection<Document> offers =
                    client.getDatabase(namespace.value()).getCollection("offers");

            // When
            offers.insertOne(new Document("_id", "offer-1").append("title", "bike"));

            // Then
            assertThat(offers.find(new Document("_id", "offer-1")).first()).containsEntry("title", "bike");
        }
    }
}
