package io.pushtech.storage;

import static io.pushtech.storage.StoreClient.offer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pushtech.common.Json;
import io.pushtech.common.Namespace;
import io.pushtech.common.Topics;
import io.pushtech.common.config.Settings;
import io.pushtech.common.event.LocationUpdate;
import io.pushtech.common.kafka.KafkaClientProperties;
import io.pushtech.common.service.RunningServices;
import io.pushtech.devstack.DevStack;
import io.pushtech.devstack.junit.TestNamespace;
import io.pushtech.devstack.junit.WithDevStack;
import io.pushtech.storage.domain.MatchEvent.Reason;
import io.pushtech.storage.infra.ItemChange;
import io.pushtech.storage.infra.ItemLog;
import io.pushtech.storage.infra.ItemMaterializer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Changes of one item made at once from the same version (a PATCH and a move of its owner) all land. */
@WithDevStack
class ConcurrentChangesIT {

    private static DevStack stack;
    private static RunningServices services;
    private static StoreClient store;
    private static KafkaProducer<String, byte[]> producer;
    private static Namespace namespace;
    private static ItemLog log;

    @BeforeAll
    static void startStorage(DevStack devStack, TestNamespace testNamespace) throws Exception {
        stack = devStack;
        namespace = new Namespace(testNamespace.value());
        services = RunningServices.start(
                List.of(new StorageDefinition()),
                Settings.of(Map.of(
                        "KAFKA_BOOTSTRAP",
                        stack.kafkaBootstrap(),
                        "MONGO_URI",
                        stack.mongoUri(),
                        "PUSHTECH_NAMESPACE",
                        namespace.value(),
                        "HTTP_HOST",
                        "127.0.0.1",
                        "STORAGE_PORT",
                        "0",
                        "STORAGE_WRITE_WAIT_MS",
                        "10000",
                        "PUSHTECH_JWT_SECRET",
                        StoreClient.SECRET)));
        store = new StoreClient(services.port(StorageVerticle.NAME));
        producer = new KafkaProducer<>(KafkaClientProperties.producer(stack.kafkaBootstrap(), "it"));
        log = new ItemLog(
                producer,
                new ItemMaterializer.Topics(namespace.topic(Topics.SEARCHES), namespace.topic(Topics.OFFERS)));
    }

    @AfterAll
    static void stop() throws Exception {
        services.close();
        store.close();
        producer.close();
    }

    @Test
    void patchAndMoveFromTheSameVersionBothLand() throws Exception {
        // Given
        JsonObject v1 = store.create(
                "offers", "kim", offer("old title", 40.0, 5.0, 1000).put("followsOwner", true));
        String id = v1.getString("id");
        JsonObject patched = v1.copy().put("title", "new title").put("version", 2L);
        JsonObject moved = v1.copy()
                .put("location", new JsonObject().put("lat", 40.01).put("lng", 5.0))
                .put("version", 2L);

        // When
        CompletableFuture.allOf(
                        log.appendOffer(
                                ItemChange.of(v1, patched, Reason.UPDATED, Optional.of("patch-1"), Set.of("title"))),
                        log.appendOffer(ItemChange.moved(v1, moved)))
                .get();

        // Then
        JsonObject stored = await().atMost(Duration.ofSeconds(30))
                .until(() -> new JsonObject(store.get("/store/offers/" + id).body()), o -> o.getLong("version") == 3L);
        assertThat(stored.getString("title")).isEqualTo("new title");
        assertThat(stored.getJsonObject("location").getDouble("lat")).isEqualTo(40.01);
        JsonObject last = lastRecord(namespace.topic(Topics.OFFERS), id);
        assertThat(last.getString("title")).isEqualTo("new title");
        assertThat(last.getJsonObject("location").getDouble("lat")).isEqualTo(40.01);
        assertThat(last.getLong("version")).isEqualTo(3L);
    }

    @Test
    void patchRacingTheOwnersMovesKeepsBothAndAnswersTheStoredItem() throws Exception {
        // Given
        JsonObject v1 =
                store.create("offers", "lou", offer("a lamp", 41.0, 5.0, 1000).put("followsOwner", true));
        String id = v1.getString("id");

        // When
        for (int i = 1; i <= 5; i++) {
            publishLocation("lou", 41.0 + i * 0.001);
        }
        HttpResponse<String> response =
                store.patch("/store/offers/" + id, "{\"title\": \"a red lamp\"}", store.token("lou"));

        // Then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(new JsonObject(response.body()).getString("title")).isEqualTo("a red lamp");
        JsonObject stored = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> new JsonObject(store.get("/store/offers/" + id).body()),
                        o -> o.getJsonObject("location").getDouble("lat") == 41.005);
        assertThat(stored.getString("title")).isEqualTo("a red lamp");
        assertThat(lastRecord(namespace.topic(Topics.OFFERS), id).getJsonObject("location"))
                .isEqualTo(stored.getJsonObject("location"));
    }

    @Test
    void moveOfADeletedItemDoesNotBringItBack() throws Exception {
        // Given
        JsonObject v1 =
                store.create("offers", "max", offer("a chair", 42.0, 5.0, 1000).put("followsOwner", true));
        String id = v1.getString("id");
        assertThat(store.delete("/store/offers/" + id, store.token("max")).statusCode())
                .isEqualTo(204);

        // When
        JsonObject moved = v1.copy()
                .put("location", new JsonObject().put("lat", 42.01).put("lng", 5.0))
                .put("version", 2L);
        log.appendOffer(ItemChange.moved(v1, moved)).get();

        // Then
        await().atMost(Duration.ofSeconds(30)).until(() -> lastRecord(namespace.topic(Topics.OFFERS), id) == null);
        assertThat(store.get("/store/offers/" + id).statusCode()).isEqualTo(404);
        assertThat(store.get("/store/offers?lat=42.01&lng=5.0&radius=1000&q=chair")
                        .body())
                .doesNotContain(id);
    }

    private static void publishLocation(String userId, double lat) throws Exception {
        LocationUpdate update = new LocationUpdate(
                UUID.randomUUID().toString(), userId, "phone-" + userId, lat, 5.0, null, Instant.now());
        producer.send(new ProducerRecord<>(namespace.topic(Topics.LOCATIONS), userId, Json.toBytes(update)))
                .get();
    }

    /** The value of the last record of {@code key} in {@code topic} (what compaction keeps); null for a tombstone. */
    private static JsonObject lastRecord(String topic, String key) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                KafkaClientProperties.consumer(stack.kafkaBootstrap(), "test-" + UUID.randomUUID(), "test"))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            JsonObject[] last = new JsonObject[1];
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.key().equals(key)) {
                        last[0] = record.value() == null ? null : new JsonObject(Buffer.buffer(record.value()));
                    }
                }
            }
            return last[0];
        }
    }
}
