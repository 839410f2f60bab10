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
import io.pushtech.kafkastore.domain.EnrichedEvent;
import io.pushtech.kafkastore.infra.GeoIpDatabase;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.XAddParams;
import redis.clients.jedis.params.XReadGroupParams;

/** kafkastore on the real stack, draining two Redis sources (databases 0 and 1 of the stack's redis-server). */
@WithDevStack
class KafkastoreIT {

    private static final Duration WITHIN = Duration.ofSeconds(60);
    private static final String IPHONE_SAFARI = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X)"
            + " AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1";
    private static final String ANDROID_CHROME = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36"
            + " (KHTML, like Gecko) Chrome/119.0.6045.163 Mobile Safari/537.36";
    private static final String DESKTOP_FIREFOX =
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:120.0) Gecko/20100101 Firefox/120.0";
    private static final String GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";

    private static RunningServices services;
    private static JedisPooled redis;
    private static JedisPooled secondRedis;
    private static KafkaConsumer<String, byte[]> consumer;
    private static Namespace namespace;
    private static final List<ConsumerRecord<String, byte[]>> received = new ArrayList<>();

    @BeforeAll
    static void startKafkastore(DevStack stack, TestNamespace testNamespace) throws Exception {
        namespace = new Namespace(testNamespace.value());
        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        pool.setTestOnBorrow(true);
        redis = new JedisPooled(pool, URI.create(stack.redisUrl()));
        secondRedis = new JedisPooled(pool, URI.create(stack.redisUrl() + "/1"));
        services = RunningServices.start(
                List.of(new KafkastoreDefinition()),
                Settings.of(Map.of(
                        "KAFKA_BOOTSTRAP",
                        stack.kafkaBootstrap(),
                        "KAFKASTORE_REDIS_URLS",
                        stack.redisUrl() + "," + stack.redisUrl() + "/1",
                        "PUSHTECH_NAMESPACE",
                        namespace.value(),
                        "HTTP_HOST",
                        "127.0.0.1",
                        "KAFKASTORE_PORT",
                        "0",
                        "KAFKASTORE_CONSUMER_NAME",
                        "it",
                        "KAFKASTORE_CLAIM_IDLE_MS",
                        "1000",
                        "GEOIP_DATABASE",
                        GeoIpDatabase.path().toString())));
        consumer = new KafkaConsumer<>(
                KafkaClientProperties.consumer(stack.kafkaBootstrap(), "it-" + UUID.randomUUID(), "it"));
        consumer.subscribe(List.of(namespace.topic(Topics.EVENTS), namespace.topic(Topics.EVENTS_REJECTED)));
    }

    @AfterAll
    static void stop() throws Exception {
        services.close();
        consumer.close();
        redis.close();
        secondRedis.close();
    }

    @Test
    void streamEntryArrivesInEventsKeyedByDeviceAndIsAcknowledged() {
        // Given
        TrackingEvent event = event("dev-a", "127.0.0.1", "it");

        // When
        append(redis, Json.toText(event));

        // Then
        ConsumerRecord<String, byte[]> record = awaitRecord(namespace.topic(Topics.EVENTS), event.id());
        assertThat(record.key()).isEqualTo("dev-a");
        TrackingEvent read = Json.parse(record.value(), TrackingEvent.class);
        assertThat(read.id()).isEqualTo(event.id());
        assertThat(read.ts()).isEqualTo(event.ts());
        assertThat(read.ip()).isEqualTo("127.0.0.0");
        await().atMost(WITHIN).until(() -> pendingCount(redis) == 0);
    }

    @Test
    void publicIpv4AndIpv6AreLocatedAndAnonymizedPrivateOneIsNotLocated() {
        // Given
        TrackingEvent ipv4 = event("dev-geo4", "81.2.69.142", IPHONE_SAFARI);
        TrackingEvent ipv6 = event("dev-geo6", "2a00:1450:4001:82a::200e", ANDROID_CHROME);
        TrackingEvent privateAddress = event("dev-geo-private", "192.168.1.20", DESKTOP_FIREFOX);

        // When
        List.of(ipv4, ipv6, privateAddress).forEach(e -> append(redis, Json.toText(e)));

        // Then
        JsonObject v4 = awaitEvent(ipv4.id());
        assertThat(v4.getInteger("schemaVersion")).isEqualTo(EnrichedEvent.SCHEMA_VERSION);
        assertThat(v4.getString("ip")).isEqualTo("81.2.69.0");
        assertThat(v4.getJsonObject("geo").getString("country")).isEqualTo("GB");
        assertThat(v4.getJsonObject("geo").getString("timeZone")).isEqualTo("Europe/London");
        assertThat(v4.getJsonObject("device").getString("os")).isEqualTo("iOS");
        assertThat(v4.getJsonObject("device").getString("browser")).isEqualTo("Mobile Safari");
        JsonObject v6 = awaitEvent(ipv6.id());
        assertThat(v6.getString("ip")).isEqualTo("2a00:1450:4001:0:0:0:0:0");
        assertThat(v6.getJsonObject("geo").getString("country")).isEqualTo("DE");
        assertThat(v6.getJsonObject("device").getString("browser")).isEqualTo("Chrome Mobile");
        JsonObject local = awaitEvent(privateAddress.id());
        assertThat(local.getString("ip")).isEqualTo("192.168.1.0");
        assertThat(local.containsKey("geo")).isFalse();
        assertThat(local.getJsonObject("device").getString("browser")).isEqualTo("Firefox");
    }

    @Test
    void googlebotIsFlaggedAsABot() {
        // Given
        TrackingEvent event = event("dev-bot", "8.8.8.8", GOOGLEBOT);

        // When
        append(redis, Json.toText(event));

        // Then
        JsonObject read = awaitEvent(event.id());
        assertThat(read.getJsonObject("device").getBoolean("bot")).isTrue();
        assertThat(read.getJsonObject("geo").getString("country")).isEqualTo("US");
    }

    @Test
    void secondRedisSourceIsDrainedToo() {
        // Given
        TrackingEvent event = event("dev-second-source", "8.8.4.4", DESKTOP_FIREFOX);

        // When
        append(secondRedis, Json.toText(event));

        // Then
        assertThat(awaitEvent(event.id()).getString("deviceId")).isEqualTo("dev-second-source");
        await().atMost(WITHIN).until(() -> pendingCount(secondRedis) == 0);
    }

    @Test
    void entriesLeftPendingByACrashedConsumerAreClaimedBack() {
        // Given
        TrackingEvent event = event("dev-orphan", "8.8.8.8", DESKTOP_FIREFOX);
        String stream = namespace.redisKey(Streams.EVENTS);
        redis.xadd(stream, XAddParams.xAddParams(), Map.of(Streams.EVENT_FIELD, Json.toText(event)));

        // When
        redis.xreadGroupAsMap(
                group(),
                "crashed-consumer",
                XReadGroupParams.xReadGroupParams().count(100),
                Map.of(stream, StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY));

        // Then
        assertThat(awaitEvent(event.id()).getString("deviceId")).isEqualTo("dev-orphan");
        await().atMost(WITHIN).until(() -> pendingCount(redis) == 0);
    }

    @Test
    void entriesAreTrimmedOnceEveryGroupOfTheStreamAcknowledgedThem() {
        // Given another reader of the stream, which joined now and reads at its own pace
        String stream = namespace.redisKey(Streams.EVENTS);
        redis.xgroupCreate(stream, "audit", StreamEntryID.XGROUP_LAST_ENTRY, false);
        try {
            TrackingEvent event = event("dev-trimmed", "127.0.0.1", "it");

            // When
            StreamEntryID id =
                    redis.xadd(stream, XAddParams.xAddParams(), Map.of(Streams.EVENT_FIELD, Json.toText(event)));

            // Then kafkastore took it into Kafka, and the stream keeps it for the reader that has not
            awaitRecord(namespace.topic(Topics.EVENTS), event.id());
            await().atMost(WITHIN).until(() -> pendingCount(redis) == 0);
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> inStream(stream, id));

            // When the other reader has it too
            redis.xreadGroupAsMap(
                    "audit",
                    "auditor",
                    XReadGroupParams.xReadGroupParams().count(1_000),
                    Map.of(stream, StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY));
            assertThat(redis.xpending(stream, "audit").getTotal()).isPositive();
            assertThat(inStream(stream, id)).isTrue();
            redis.xack(stream, "audit", id);

            // Then
            await().atMost(WITHIN).until(() -> !inStream(stream, id));
        } finally {
            redis.xgroupDestroy(stream, "audit");
        }
    }

    @Test
    void drainingResumesWhenRedisLostTheStreamAndItsGroup() throws Exception {
        // Given Redis lost the stream and the consumer group, as it would restarting without its data
        String stream = namespace.redisKey(Streams.EVENTS);
        secondRedis.del(stream);
        TrackingEvent event = event("dev-after-loss", "127.0.0.1", "it");

        // When
        append(secondRedis, Json.toText(event));

        // Then
        assertThat(awaitEvent(event.id()).getString("deviceId")).isEqualTo("dev-after-loss");
        await().atMost(WITHIN).until(() -> pendingCount(secondRedis) == 0);
        assertThat(metric("kafkastore_group_recreated_total")).isGreaterThanOrEqualTo(1);
    }

    /** The sum of a meter's values over its tags, from kafkastore's {@code /metrics}. */
    private double metric(String name) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + services.port("kafkastore") + "/metrics"))
                .build();
        String metrics = HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.ofString())
                .body();
        return metrics.lines()
                .filter(line -> line.startsWith(name + "{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    @Test
    void unreadableEntryGoesToRejectedWithItsPayload() {
        // When
        append(redis, "{\"this is\": \"not an event\", \"marker\": \"m-1\"}");

        // Then
        ConsumerRecord<String, byte[]> record = awaitRecord(namespace.topic(Topics.EVENTS_REJECTED), "m-1");
        assertThat(new String(record.value())).contains("unreadable_event");
    }

    @Test
    void metricsCountEventsByTopicAndRejectionsByReason() throws Exception {
        // Given
        TrackingEvent event = event("dev-metrics", "8.8.8.8", DESKTOP_FIREFOX);
        append(redis, Json.toText(event));
        awaitEvent(event.id());
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + services.port("kafkastore") + "/metrics"))
                .build();

        // When
        String metrics = await().atMost(WITHIN)
                .until(
                        () -> HttpClient.newHttpClient()
                                .send(request, HttpResponse.BodyHandlers.ofString())
                                .body(),
                        body -> body.contains("kafkastore_events_out_total{"));

        // Then
        assertThat(metrics)
                .contains("kafkastore_events_in_total{")
                .contains("topic=\"events\"")
                .contains("kafkastore_events_rejected_total{reason=\"unreadable_event\"")
                .contains("kafkastore_batch_size_count{")
                .contains("kafkastore_enrichment_latency_seconds_count{")
                .contains("kafkastore_produce_latency_seconds{")
                .contains("kafkastore_stream_pending{")
                .contains("kafkastore_stream_trimmed_total{");
    }

    /** Stops and restarts the shared Kafka broker; it is running again when the test ends. */
    @Test
    void whileKafkaIsDownNothingIsAcknowledgedAndEverythingArrivesWhenItIsBack(DevStack stack) {
        // Given
        List<TrackingEvent> events = new ArrayList<>();
        await().atMost(WITHIN).until(() -> unacknowledged(redis) == 0);
        stack.kafka().stop();
        try {
            for (int i = 0; i < 50; i++) {
                TrackingEvent event = event("dev-outage", "8.8.8.8", GOOGLEBOT);
                events.add(event);
                append(redis, Json.toText(event));
            }
            await().atMost(WITHIN).until(() -> pendingCount(redis) > 0);

            // When
            await().during(Duration.ofSeconds(3)).atMost(WITHIN).until(() -> unacknowledged(redis) == 50);
        } finally {
            stack.kafka().start();
        }

        // Then
        for (TrackingEvent event : events) {
            awaitRecord(namespace.topic(Topics.EVENTS), event.id());
        }
        await().atMost(WITHIN).until(() -> pendingCount(redis) == 0);
    }

    /** Stops and restarts the shared redis-server; it is running again when the test ends. */
    @Test
    void drainingResumesAfterRedisComesBack(DevStack stack) {
        // Given
        TrackingEvent before = event("dev-redis-outage", "8.8.8.8", DESKTOP_FIREFOX);
        append(redis, Json.toText(before));
        awaitEvent(before.id());
        await().atMost(WITHIN).until(() -> pendingCount(redis) == 0);
        stack.redis().stop();
        try {
            await().pollDelay(Duration.ofSeconds(2)).atMost(WITHIN).until(() -> true);
        } finally {
            stack.redis().start();
        }
        TrackingEvent after = event("dev-redis-outage", "8.8.4.4", DESKTOP_FIREFOX);

        // When
        append(redis, Json.toText(after));

        // Then
        assertThat(awaitEvent(after.id()).getString("deviceId")).isEqualTo("dev-redis-outage");
        await().atMost(WITHIN).until(() -> pendingCount(redis) == 0);
    }

    private static void append(JedisPooled target, String payload) {
        target.xadd(namespace.redisKey(Streams.EVENTS), XAddParams.xAddParams(), Map.of(Streams.EVENT_FIELD, payload));
    }

    private static String group() {
        return namespace.consumerGroup("kafkastore");
    }

    private static boolean inStream(String stream, StreamEntryID id) {
        return !redis.xrange(stream, id, id).isEmpty();
    }

    private static long pendingCount(JedisPooled target) {
        return target.xpending(namespace.redisKey(Streams.EVENTS), group()).getTotal();
    }

    /** Entries read and not acknowledged, plus entries not read yet. */
    private static long unacknowledged(JedisPooled target) {
        String stream = namespace.redisKey(Streams.EVENTS);
        StreamEntryID lastDelivered = target.xinfoGroups(stream).stream()
                .filter(info -> info.getName().equals(group()))
                .findFirst()
                .orElseThrow()
                .getLastDeliveredId();
        return pendingCount(target)
                + target.xrange(stream, "(" + lastDelivered, "+").size();
    }

    private static JsonObject awaitEvent(String id) {
        return new JsonObject(
                new String(awaitRecord(namespace.topic(Topics.EVENTS), id).value()));
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

    private static TrackingEvent event(String deviceId, String ip, String userAgent) {
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
                ip,
                userAgent);
    }
}
