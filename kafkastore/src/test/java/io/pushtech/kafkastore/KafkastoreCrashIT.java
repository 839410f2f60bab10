package io.pushtech.kafkastore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pushtech.common.Json;
import io.pushtech.common.Namespace;
import io.pushtech.common.Streams;
import io.pushtech.common.Topics;
import io.pushtech.common.event.TrackingEvent;
import io.pushtech.common.kafka.KafkaClientProperties;
import io.pushtech.devstack.DevStack;
import io.pushtech.devstack.junit.TestNamespace;
import io.pushtech.devstack.junit.WithDevStack;
import io.pushtech.kafkastore.infra.GeoIpDatabase;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.XAddParams;

/** kafkastore killed with SIGKILL while it drains, then started again: every accepted event reaches Kafka. */
@WithDevStack
class KafkastoreCrashIT {

    private static final int EVENTS = 100_000;
    private static final Duration WITHIN = Duration.ofSeconds(120);
    private static final List<String> USER_AGENTS = List.of(
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko)"
                    + " Version/17.1 Mobile/15E148 Safari/604.1",
            "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko)"
                    + " Chrome/119.0.6045.163 Mobile Safari/537.36",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:120.0) Gecko/20100101 Firefox/120.0");
    private static final List<String> ADDRESSES =
            List.of("81.2.69.142", "2a00:1450:4001:82a::200e", "8.8.8.8", "192.168.1.20");

    @Test
    void killedWhileDrainingThenRestartedLosesNoEvent(
            DevStack stack, TestNamespace testNamespace, @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        // Given
        Namespace namespace = new Namespace(testNamespace.value());
        String stream = namespace.redisKey(Streams.EVENTS);
        Set<String> accepted;
        StreamEntryID quarter;
        try (JedisPooled redis = new JedisPooled(URI.create(stack.redisUrl()))) {
            List<StreamEntryID> ids = new ArrayList<>();
            accepted = fill(redis, stream, ids);
            quarter = ids.get(EVENTS / 4);
        }
        Path log = Path.of("target", "kafkastore-crash-it.log");
        Files.deleteIfExists(log);
        Files.createFile(log);
        KafkastoreProcess first = KafkastoreProcess.start(settings(stack, namespace, "crash-first"), log);

        // When
        try (JedisPooled redis = new JedisPooled(URI.create(stack.redisUrl()))) {
            await().atMost(WITHIN)
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> lastDelivered(redis, stream, namespace).compareTo(quarter) >= 0);
            first.kill();
            long killedAt = System.nanoTime();
            try (KafkastoreProcess second = KafkastoreProcess.start(settings(stack, namespace, "crash-second"), log)) {

                // Then
                Map<String, String> seen = consumeEvents(stack, namespace, accepted.size());
                System.out.printf(
                        "crash test: all events in Kafka %.1f s after the kill%n",
                        (System.nanoTime() - killedAt) / 1e9);
                assertThat(seen.keySet()).isEqualTo(accepted);
                await().atMost(WITHIN)
                        .until(() -> redis.xpending(stream, namespace.consumerGroup("kafkastore"))
                                        .getTotal()
                                == 0);
            }
        }
    }

    private static Set<String> fill(JedisPooled redis, String stream, List<StreamEntryID> ids) {
        Set<String> accepted = new HashSet<>();
        Instant now = Instant.now();
        var pipeline = redis.pipelined();
        List<redis.clients.jedis.Response<StreamEntryID>> responses = new ArrayList<>(EVENTS);
        for (int i = 0; i < EVENTS; i++) {
            String id = UUID.randomUUID().toString();
            accepted.add(id);
            TrackingEvent event = new TrackingEvent(
                    id,
                    "view",
                    now,
                    now,
                    "device-" + (i % 5000),
                    null,
                    null,
                    null,
                    null,
                    Map.of("page", "/p/" + (i % 100)),
                    ADDRESSES.get(i % ADDRESSES.size()),
                    USER_AGENTS.get(i % USER_AGENTS.size()));
            responses.add(
                    pipeline.xadd(stream, XAddParams.xAddParams(), Map.of(Streams.EVENT_FIELD, Json.toText(event))));
            if (i % 1000 == 999) {
                pipeline.sync();
            }
        }
        pipeline.close();
        responses.forEach(response -> ids.add(response.get()));
        return accepted;
    }

    private static StreamEntryID lastDelivered(JedisPooled redis, String stream, Namespace namespace) {
        return redis.xinfoGroups(stream).stream()
                .filter(info -> info.getName().equals(namespace.consumerGroup("kafkastore")))
                .findFirst()
                .map(info -> info.getLastDeliveredId())
                .orElse(new StreamEntryID());
    }

    /** Every event id in {@code events}; a duplicate must be the same event. */
    private static Map<String, String> consumeEvents(DevStack stack, Namespace namespace, int expected) {
        Map<String, String> seen = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                KafkaClientProperties.consumer(stack.kafkaBootstrap(), "crash-" + UUID.randomUUID(), "crash-it"))) {
            consumer.subscribe(List.of(namespace.topic(Topics.EVENTS)));
            await().atMost(WITHIN).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    JsonObject event = new JsonObject(new String(record.value()));
                    String previous = seen.put(event.getString("id"), event.getString("deviceId"));
                    assertThat(previous).isIn(null, event.getString("deviceId"));
                }
                return seen.size() >= expected;
            });
        }
        return seen;
    }

    private static Map<String, String> settings(DevStack stack, Namespace namespace, String consumerName) {
        return Map.of(
                "KAFKA_BOOTSTRAP",
                stack.kafkaBootstrap(),
                "REDIS_URL",
                stack.redisUrl(),
                "PUSHTECH_NAMESPACE",
                namespace.value(),
                "HTTP_HOST",
                "127.0.0.1",
                "KAFKASTORE_PORT",
                "0",
                "KAFKASTORE_CONSUMER_NAME",
                consumerName,
                "KAFKASTORE_CLAIM_IDLE_MS",
                "2000",
                "GEOIP_DATABASE",
                GeoIpDatabase.path().toString());
    }
}
