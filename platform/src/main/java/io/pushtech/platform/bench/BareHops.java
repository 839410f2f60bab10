package io.pushtech.platform.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import io.pushtech.common.kafka.KafkaClientProperties;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.XAddParams;
import redis.clients.jedis.params.XReadGroupParams;

/**
 * The reference for the event path: the same hops (Redis Stream, Kafka, MongoDB) made one after the
 * other by bare clients, with no service, batching or HTTP in between. What the platform adds on top
 * of this is its own cost.
 */
final class BareHops implements AutoCloseable {

    private static final String STREAM = "bench:bare";
    private static final String TOPIC = "bench.bare";

    private final JedisPooled redis;
    private final KafkaProducer<String, byte[]> producer;
    private final KafkaConsumer<String, byte[]> consumer;
    private final MongoClient mongo;
    private final MongoCollection<Document> collection;

    BareHops(String redisUrl, String kafkaBootstrap, String mongoUri) throws Exception {
        redis = new JedisPooled(URI.create(redisUrl));
        redis.xgroupCreate(STREAM, "bare", new StreamEntryID(), true);
        try (Admin admin = Admin.create(KafkaClientProperties.admin(kafkaBootstrap, "bench"))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get();
        }
        producer = new KafkaProducer<>(KafkaClientProperties.producer(kafkaBootstrap, "bench"));
        consumer = new KafkaConsumer<>(KafkaClientProperties.consumer(kafkaBootstrap, "bench", "bench"));
        TopicPartition partition = new TopicPartition(TOPIC, 0);
        consumer.assign(List.of(partition));
        consumer.seekToEnd(List.of(partition));
        consumer.position(partition);
        mongo = MongoClients.create(mongoUri);
        collection = mongo.getDatabase("bench").getCollection("bare");
    }

    long roundTrip(int i) throws Exception {
        long start = System.nanoTime();
        String payload = "{\"i\":" + i + "}";
        redis.xadd(STREAM, XAddParams.xAddParams(), Map.of("event", payload));
        var read = redis.xreadGroupAsMap(
                "bare",
                "bench",
                XReadGroupParams.xReadGroupParams().count(1),
                Map.of(STREAM, StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY));
        var entry = read.get(STREAM).get(0);
        producer.send(new ProducerRecord<>(TOPIC, "device", payload.getBytes())).get();
        redis.xack(STREAM, "bare", entry.getID());
        while (consumer.poll(Duration.ofMillis(100)).isEmpty()) {
            Thread.onSpinWait();
        }
        collection.replaceOne(
                Filters.eq("_id", "device"),
                new Document("_id", "device").append("i", i),
                new ReplaceOptions().upsert(true));
        collection.find(Filters.eq("_id", "device")).first();
        return System.nanoTime() - start;
    }

    @Override
    public void close() {
        producer.close();
        consumer.close();
        mongo.close();
        redis.close();
    }
}
