package io.pushtech.kafidx;

import io.pushtech.common.Json;
import io.pushtech.common.Namespace;
import io.pushtech.common.Topics;
import io.pushtech.common.auth.BearerTokens;
import io.pushtech.common.config.Settings;
import io.pushtech.common.kafka.KafkaClientProperties;
import io.pushtech.common.service.RunningServices;
import io.pushtech.devstack.DevStack;
import io.pushtech.devstack.junit.TestNamespace;
import io.vertx.core.Vertx;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/** kafidx running on the test stack in its own namespace, with its topics, a producer and tokens. */
final class KafidxStack implements AutoCloseable {

    static final String SECRET = "kafidx-test-secret-0123456789-abcdefghij";

    private final Vertx vertx = Vertx.vertx();
    private final BearerTokens tokens = new BearerTokens(vertx, SECRET);
    private final RunningServices services;
    private final KafkaProducer<String, byte[]> producer;
    private final Namespace namespace;
    private final String kafkaBootstrap;

    private KafidxStack(
            RunningServices services,
            KafkaProducer<String, byte[]> producer,
            Namespace namespace,
            String kafkaBootstrap) {
        this.services = services;
        this.producer = producer;
        this.namespace = namespace;
        this.kafkaBootstrap = kafkaBootstrap;
    }

    static KafidxStack start(DevStack stack, TestNamespace testNamespace, Map<String, String> extra) throws Exception {
        Namespace namespace = new Namespace(testNamespace.value());
        try (Admin admin = Admin.create(KafkaClientProperties.admin(stack.kafkaBootstrap(), "kafidx-it"))) {
            admin.createTopics(List.of(
                            new NewTopic(namespace.topic(Topics.EVENTS), 2, (short) 1),
                            new NewTopic(namespace.topic(Topics.MATCHES), 1, (short) 1)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }
        Map<String, String> settings = new HashMap<>(Map.of(
                "KAFKA_BOOTSTRAP",
                stack.kafkaBootstrap(),
                "PUSHTECH_NAMESPACE",
                namespace.value(),
                "HTTP_HOST",
                "127.0.0.1",
                "KAFIDX_PORT",
                "0",
                "KAFIDX_TOPICS",
                "events,matches",
                "PUSHTECH_JWT_SECRET",
                SECRET));
        settings.putAll(extra);
        RunningServices services = RunningServices.start(List.of(new KafidxDefinition()), Settings.of(settings));
        return new KafidxStack(
                services,
                new KafkaProducer<>(KafkaClientProperties.producer(stack.kafkaBootstrap(), "kafidx-it")),
                namespace,
                stack.kafkaBootstrap());
    }

    int port() {
        return services.port(KafidxVerticle.NAME);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    String adminToken() {
        return tokens.issueAdmin("dev");
    }

    String userToken() {
        return tokens.issue("alice");
    }

    String kafkaBootstrap() {
        return kafkaBootstrap;
    }

    /** Produces {@code event} to {@code topic} (before the namespace) and waits for Kafka's acknowledgement. */
    void produce(String topic, String key, Map<String, ?> event) throws Exception {
        producer.send(new ProducerRecord<>(namespace.topic(topic), key, Json.toBytes(event)))
                .get(30, TimeUnit.SECONDS);
    }

    /** Sends every event without waiting, then waits once for all of them. */
    void produceBurst(String topic, String key, List<Map<String, ?>> events) throws Exception {
        for (Map<String, ?> event : events) {
            producer.send(new ProducerRecord<>(namespace.topic(topic), key, Json.toBytes(event)));
        }
        producer.flush();
    }

    @Override
    public void close() throws Exception {
        producer.close();
        services.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
