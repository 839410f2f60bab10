package io.pushtech.notifications;

import io.pushtech.common.Namespace;
import io.pushtech.common.Topics;
import io.pushtech.common.auth.BearerTokens;
import io.pushtech.common.config.Settings;
import io.pushtech.common.kafka.KafkaClientProperties;
import io.pushtech.common.service.RunningServices;
import io.pushtech.devstack.DevStack;
import io.pushtech.devstack.FakeOneSignal;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;

/** notifications on the test stack with a fake OneSignal, and what tests do to it: publish matches, call its API. */
final class TestPlatform implements AutoCloseable {

    static final String SECRET = "notifications-test-secret-0123456789-abc";
    static final String APP_ID = "3f1c9d2e-5b7a-4c8e-9f10-2a3b4c5d6e7f";
    static final String API_KEY = "os_v2_app_test_key";

    final FakeOneSignal oneSignal;
    final Namespace namespace;
    private final DevStack stack;
    private final Map<String, String> overrides;
    private final KafkaProducer<String, byte[]> producer;
    private final Admin admin;
    private final Vertx vertx = Vertx.vertx();
    private final BearerTokens tokens = new BearerTokens(vertx, SECRET);
    private final HttpClient http = HttpClient.newHttpClient();
    private RunningServices services;

    TestPlatform(DevStack stack, String namespace, Map<String, String> overrides) throws Exception {
        this.stack = stack;
        this.namespace = new Namespace(namespace);
        this.overrides = overrides;
        this.oneSignal = FakeOneSignal.start(APP_ID, API_KEY);
        this.producer = new KafkaProducer<>(KafkaClientProperties.producer(stack.kafkaBootstrap(), "it"));
        this.admin = Admin.create(KafkaClientProperties.admin(stack.kafkaBootstrap(), "it"));
        start();
    }

    void start() throws Exception {
        Map<String, String> settings = new HashMap<>(Map.of(
                "KAFKA_BOOTSTRAP",
                stack.kafkaBootstrap(),
                "MONGO_URI",
                stack.mongoUri(),
                "PUSHTECH_NAMESPACE",
                namespace.value(),
                "HTTP_HOST",
                "127.0.0.1",
                "NOTIFICATIONS_PORT",
                "0",
                "PUSHTECH_JWT_SECRET",
                SECRET,
                "ONESIGNAL_API_URL",
                oneSignal.url(),
                "ONESIGNAL_APP_ID",
                APP_ID,
                "ONESIGNAL_API_KEY",
                API_KEY,
                "NOTIFICATIONS_RETRY_BASE_MS",
                "50"));
        settings.putAll(overrides);
        services = RunningServices.start(List.of(new NotificationsDefinition()), Settings.of(settings));
    }

    void stop() throws Exception {
        services.close();
    }

    String base() {
        return "http://127.0.0.1:" + services.port(NotificationsVerticle.NAME);
    }

    String token(String userId) {
        return tokens.issue(userId);
    }

    /** Publishes a match record as storage does; returns its value. */
    JsonObject publish(JsonObject match) throws Exception {
        String key = match.getString("searchId") + "|" + match.getString("offerId");
        producer.send(new ProducerRecord<>(
                        namespace.topic(Topics.MATCHES), key, match.encode().getBytes(StandardCharsets.UTF_8)))
                .get();
        return match;
    }

    /**
     * Publishes match records so that they arrive together, as a burst does: held by the producer until all are
     * sent, they go out as one batch per partition, and a consumer fetches each batch whole.
     */
    void publishTogether(List<JsonObject> matches) throws Exception {
        Properties held = KafkaClientProperties.producer(stack.kafkaBootstrap(), "it-burst");
        held.put(ProducerConfig.LINGER_MS_CONFIG, 60_000);
        held.put(ProducerConfig.BATCH_SIZE_CONFIG, 1_048_576);
        try (KafkaProducer<String, byte[]> burst = new KafkaProducer<>(held)) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (JsonObject match : matches) {
                String key = match.getString("searchId") + "|" + match.getString("offerId");
                sent.add(burst.send(new ProducerRecord<>(
                        namespace.topic(Topics.MATCHES), key, match.encode().getBytes(StandardCharsets.UTF_8))));
            }
            burst.flush();
            for (Future<RecordMetadata> each : sent) {
                each.get();
            }
        }
    }

    static JsonObject started(String searchId, String offerId, String searcher, String offerer, long sequence) {
        return match("started", searchId, offerId, searcher, offerer, sequence, "Red bike " + offerId, 420);
    }

    static JsonObject match(
            String type,
            String searchId,
            String offerId,
            String searcher,
            String offerer,
            long sequence,
            String title,
            double distance) {
        return new JsonObject()
                .put("type", type)
                .put("searchId", searchId)
                .put("offerId", offerId)
                .put("searchLocation", new JsonObject().put("lat", 52.529).put("lng", 13.405))
                .put("offerLocation", new JsonObject().put("lat", 52.52).put("lng", 13.405))
                .put("distance", distance)
                .put("reason", "created")
                .put("sequence", sequence)
                .put("ts", Instant.now().toString())
                .put(
                        "search",
                        new JsonObject()
                                .put("id", searchId)
                                .put("ownerId", searcher)
                                .put("keywords", "red bike")
                                .put("category", "bikes"))
                .put(
                        "offer",
                        new JsonObject()
                                .put("id", offerId)
                                .put("ownerId", offerer)
                                .put("title", title)
                                .put("category", "bikes")
                                .put(
                                        "price",
                                        new JsonObject().put("amount", 120).put("currency", "EUR"))
                                .put("imageIds", List.of()));
    }

    /** True once the dispatcher committed every record of {@code matches}: all sent, parked or skipped. */
    boolean allProcessed() throws Exception {
        String topic = namespace.topic(Topics.MATCHES);
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(
                        namespace.consumerGroup("notifications"))
                .partitionsToOffsetAndMetadata()
                .get();
        Set<TopicPartition> partitions =
                admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().stream()
                        .map(p -> new TopicPartition(topic, p.partition()))
                        .collect(Collectors.toSet());
        var ends = admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                .all()
                .get();
        return partitions.stream().allMatch(p -> {
            long end = ends.get(p).offset();
            OffsetAndMetadata at = committed.get(p);
            return end == 0 || (at != null && at.offset() >= end);
        });
    }

    /** The records on {@code notifications.failed} so far. */
    List<JsonObject> parked() {
        String topic = namespace.topic(Topics.NOTIFICATIONS_FAILED);
        try (var consumer = new KafkaConsumer<String, byte[]>(
                KafkaClientProperties.consumer(stack.kafkaBootstrap(), "it-" + UUID.randomUUID(), "it-failed"))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<JsonObject> found = new ArrayList<>();
            var ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                consumer.poll(Duration.ofMillis(200))
                        .forEach(r -> found.add(new JsonObject(new String(r.value(), StandardCharsets.UTF_8))));
            }
            return found;
        }
    }

    /** Pushes OneSignal would have sent to {@code userId}. */
    List<FakeOneSignal.Received> sentTo(String userId) {
        return oneSignal.sent().stream()
                .filter(r -> r.externalIds().contains(userId))
                .toList();
    }

    /** Sends a request built by hand, for what {@link #request} does not send. */
    HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> request(String method, String path, String body, String token) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base() + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            builder.header("Content-Type", "application/json");
        }
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() throws Exception {
        services.close();
        producer.close();
        admin.close();
        oneSignal.close();
        vertx.close();
    }
}
