package io.pushtech.kafkastore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pushtech.common.Json;
import io.pushtech.common.Namespace;
import io.pushtech.common.Streams;
import io.pushtech.common.Topics;
import io.pushtech.common.config.Settings;
import io.pushtech.common.event.TrackingEvent;
import io.pushtech.common.kafka.KafkaClientProperties;
import io.pushtech.common.service.RunningServices;
import io.pushtech.devstack.DevStack;
import io.pushtech.devstack.junit.TestNamespace;
import io.pushtech.devstack.junit.WithDevStack;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.params.XAddParams;

@WithDevStack
class KafkastoreIT {

    private static final Duration WITHIN = Duration.ofSeconds(60);
    private static RunningServices services;
    private static JedisPooled redis;
    private static KafkaConsumer<String, byte[]> consumer;
    private static Namespace namespace;
    private static final List<ConsumerRecord<String, byte[]>> received = new ArrayList<>();

    @BeforeAll
    static void startKafkastore(DevStack stack, TestNamespace testNamespace) throws Exception {
        namespace = new Namespace(testNamespace.value());
        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        pool.setTestOnBorrow(true);
        redis = new JedisPooled(pool, URI.create(stack.redisUrl()));
        services = RunningServices.start(
                List.of(new KafkastoreDefinition()),
                Settings.of(Map.of(
                        "KAFKA_BOOTSTRAP", stack.kafkaBootstrap(),
                        "REDIS_URL", stack.redisUrl(),
                        "PUSHTECH_NAMESPACE", namespace.value(),
                        "HTTP_HOST", "127.0.0.1",
                        "KAFKASTORE_PORT", "0")));
        consumer = new KafkaConsumer<>(
                KafkaClientProperties.consumer(stack.kafkaBootstrap(), "it-" + UUID.randomUUID(), "it"));
        consumer.subscribe(List.of(namespace.topic(Topics.EVENTS), namespace.topic(Topics.EVENTS_REJECTED)));
    }

    @AfterAll
    static void stop() throws Exception {
        services.close();
        consumer.close();
        redis.close();
    }

    @Test
    void streamEntryArrivesInEventsKeyedByDeviceAndIsAcknowledged() {
        // Given
        TrackingEvent event = event("dev-a");

        // When
        append(Json.toText(event));

        // Then
        ConsumerRecord<String, byte[]> record = awaitRecord(namespace.topic(Topics.EVENTS), event.id());
        assertThat(record.key()).isEqualTo("dev-a");
        assertThat(Json.parse(record.value(), TrackingEvent.class)).isEqualTo(event);
        await().atMost(WITHIN).until(() -> pendingCount() == 0);
    }

    @Test
    void unreadableEntryGoesToRejectedWithItsPayload() {
        // When
        append("{\"this is\": \"not an event\", \"marker\": \"m-1\"}");

        // Then
        ConsumerRecord<String, byte[]> record = awaitRecord(namespace.topic(Topics.EVENTS_REJECTED), "m-1");
        assertThat(new String(record.value())).contains("unreadable_event");
    }

    /** Stops and restarts the shared Kafka broker; it is running again when the test ends. */
    @Test
    void eventsAppendedWhileKafkaIsDownArriveWhenItIsBack(DevStack stack) {
        // Given
        stack.kafka().stop();
        List<TrackingEvent> events = new ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                TrackingEvent event = event("dev-outage");
                events.add(event);
                append(Json.toText(event));
            }
        } finally {
            // When
            stack.kafka().start();
        }

        // Then
        for (TrackingEvent event : events) {
            awaitRecord(namespace.topic(Topics.EVENTS), event.id());
        }
        await().atMost(WITHIN).until(() -> pendingCount() == 0);
    }

    private static void append(String payload) {
        redis.xadd(namespace.redisKey(Streams.EVENTS), XAddParams.xAddParams(), Map.of(Streams.EVENT_FIELD, payload));
    }

    private static long pendingCount() {
        return redis.xpending(namespace.redisKey(Streams.EVENTS), namespace.consumerGroup("kafkastore"))
                .getTotal();
    }

    private static ConsumerRecord<String, byte[]> awaitRecord(String topic, String marker) {
        return await().atMost(WITHIN)
                .until(
                        () -> {
                            consumer.poll(Duration.ofMillis(200)).forEach(received::add);
                            return received.stream()
                                    .filter(r -> r.topic().equals(topic) && new String(r.value()).contains(marker))
                                    .findFirst()
                                    .orElse(null);
                        },
                        r -> r != null);
    }

    private static TrackingEvent event(String deviceId) {
        Instant now = Instant.now();
        return new TrackingEvent(
                UUID.randomUUID().toString(),
                "view",
                now,
                now,
                deviceId,
                null,
                null,
                null,
                null,
                Map.of(),
                "127.0.0.1",
                "it");
    }
}
