package io.pushtech.platform.bench;

import io.pushtech.common.Json;
import io.pushtech.common.Namespace;
import io.pushtech.common.Topics;
import io.pushtech.common.kafka.KafkaClientProperties;
import io.pushtech.common.kafka.TopicSpecs;
import io.pushtech.devstack.DevStack;
import io.pushtech.devstack.DevStackOptions;
import io.pushtech.devstack.FakeOneSignal;
import io.pushtech.notifications.NotificationsVerticle;
import io.pushtech.platform.Main;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * {@code pushtech bench notifications}: the notifications service in a JVM of its own, as in production, against a
 * local fake OneSignal, on the real development stack with its MongoDB in memory (its file store serializes every
 * document with Java serialization, on the cores the service needs: not a cost a production MongoDB puts on the
 * service's machine). Throughput: a {@code matches} topic filled before the service
 * starts (each new offer matching five searchers nearby, so requests fan out) drained into requests, measured after
 * the first fifth, beside a bare consumer reading and parsing the same topic.
 * Latency, then, by the same service (so with the state the backlog left, and compiled): matches produced at 1 000
 * and at 100 a second, from the record's send to its request arriving at the fake, beside the Kafka hop alone (the
 * same records read by a bare consumer).
 */
final class NotificationsBenchmark {

    private static final String APP_ID = "0b3c2d1e-4f5a-6b7c-8d9e-0f1a2b3c4d5e";
    private static final String API_KEY = "bench-key";
    private static final String SECRET = "bench-secret-0123456789-0123456789-abcdef";
    private static final int SEARCHERS_PER_OFFER = 5;
    private static final int RATE = 1000;
    private static final int LOW_RATE = 100;
    private static final int LATENCY_SECONDS = 10;
    /**
     * Matches sent at the latency runs' rate before those measured, so the service is measured compiled: on two busy
     * cores its compiler is still at work for half a minute after the backlog.
     */
    private static final int LATENCY_WARM_UP_SECONDS = 30;
    /**
     * The JVM options the README gives for the service in production. The state and the website channel's history
     * keep a little for every match, so each young collection copies what arrived since the last: a short pause
     * target keeps that little, objects that survived once are promoted at once instead of being copied again, and a
     * heap touched at start spares the pauses the first touch of its pages.
     */
    private static final List<String> SERVICE_JVM_OPTIONS = List.of(
            "-Xms1536m", "-Xmx1536m", "-XX:+AlwaysPreTouch", "-XX:MaxGCPauseMillis=20", "-XX:MaxTenuringThreshold=1");
    /** The first fifth of the throughput run is not measured, so the service is measured compiled. */
    private static final double WARM_UP_SHARE = 0.2;

    private final PrintStream progress;
    private final int matches;

    NotificationsBenchmark(PrintStream progress, int matches) {
        this.progress = progress;
        this.matches = matches;
    }

    BenchTable run() throws Exception {
        Path dir = Files.createTempDirectory("pushtech-bench-notifications");
        Namespace namespace = new Namespace("bench");
        try (DevStack stack = DevStack.start(
                        DevStackOptions.inDirectory(dir.resolve("stack")).withMongoInMemory());
                FakeOneSignal oneSignal = FakeOneSignal.start(APP_ID, API_KEY)) {
            createTopic(stack, namespace);
            produceBacklog(stack, namespace);
            try (ServerProcess ignored = ServerProcess.start(
                    NotificationsVerticle.NAME,
                    SERVICE_JVM_OPTIONS,
                    Main.class.getName(),
                    List.of("run", NotificationsVerticle.NAME),
                    environment(stack, oneSignal, namespace),
                    dir.resolve("notifications.log"))) {
                Throughput throughput = throughput(oneSignal);
                double bare = bareRead(stack, namespace);
                oneSignal.reset();
                LatencyRun latency = latency(stack, oneSignal, namespace, RATE, "l");
                oneSignal.reset();
                LatencyRun low = latency(stack, oneSignal, namespace, LOW_RATE, "m");
                return table(throughput, bare, latency, low, oneSignal);
            }
        } finally {
            StackBenchmark.deleteRecursively(dir);
        }
    }

    private BenchTable table(
            Throughput throughput, double bare, LatencyRun latency, LatencyRun low, FakeOneSignal oneSignal) {
        return new BenchTable("bench notifications (" + String.format("%,d", matches) + " matches; "
                        + LATENCY_SECONDS + " s at " + RATE + " and at " + LOW_RATE
                        + " matches/s after " + LATENCY_WARM_UP_SECONDS + " s unmeasured)")
                .row(
                        "matches/s from `matches` to requests at OneSignal (5 searchers per offer; after the first fifth)",
                        String.format(
                                "%,.0f matches/s (%,.0f requests/s)",
                                throughput.matchesPerSecond(), throughput.requestsPerSecond()),
                        String.format("bare consumer reading and parsing the topic: %,.0f records/s", bare),
                        "≥ 5 000 matches/s")
                .row(
                        "record → request p50 / p99 at " + RATE + " matches/s",
                        p50p99(latency.service()),
                        "Kafka hop alone (produce → bare consumer): " + p50p99(latency.kafka()),
                        "p99 < 50 ms")
                .row(
                        "record → request p50 / p99 at " + LOW_RATE + " matches/s",
                        p50p99(low.service()),
                        "Kafka hop alone: " + p50p99(low.kafka()),
                        "—")
                .row(
                        "requests answered 429 / API violations",
                        oneSignal.received().stream()
                                        .filter(r -> r.status() == 429)
                                        .count() + " / "
                                + oneSignal.violations().size(),
                        "—",
                        "0 / 0");
    }

    private static String p50p99(Latencies latencies) {
        return String.format("%.1f / %.1f ms", latencies.percentileMillis(50), latencies.percentileMillis(99));
    }

    private record Throughput(double matchesPerSecond, double requestsPerSecond) {}

    private record LatencyRun(Latencies service, Latencies kafka) {}

    /** Fills {@code matches} before the service starts, so that it drains a backlog. */
    private void produceBacklog(DevStack stack, Namespace namespace) {
        progress.printf("producing %,d matches ...%n", matches);
        try (KafkaProducer<String, byte[]> producer = producer(stack)) {
            for (int i = 0; i < matches; i++) {
                int offer = i / SEARCHERS_PER_OFFER;
                send(producer, namespace, "s" + i, "o" + offer, "user-" + i, 300 + (i % SEARCHERS_PER_OFFER));
            }
            producer.flush();
        }
    }

    private Throughput throughput(FakeOneSignal oneSignal) throws Exception {
        AtomicLong covered = new AtomicLong();
        AtomicLong warmedUpAt = new AtomicLong();
        AtomicLong coveredWarm = new AtomicLong();
        AtomicLong last = new AtomicLong();
        long warmUp = (long) (matches * WARM_UP_SHARE);
        oneSignal.onRequest(r -> {
            if (r.status() == 200 && !r.duplicate()) {
                last.set(r.arrivalNanos());
                long now = covered.addAndGet(r.externalIds().size());
                if (now >= warmUp && warmedUpAt.compareAndSet(0, r.arrivalNanos())) {
                    coveredWarm.set(now);
                }
            }
        });
        progress.println("draining them into the fake OneSignal ...");
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (covered.get() < matches && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        if (covered.get() < matches) {
            throw new IllegalStateException("only " + covered.get() + " of " + matches + " matches were pushed");
        }
        double seconds = (last.get() - warmedUpAt.get()) / 1e9;
        List<FakeOneSignal.Received> sent = oneSignal.sent();
        long requests =
                sent.stream().filter(r -> r.arrivalNanos() > warmedUpAt.get()).count();
        return new Throughput((matches - coveredWarm.get()) / seconds, requests / seconds);
    }

    private double bareRead(DevStack stack, Namespace namespace) {
        progress.println("reading the same topic with a bare consumer ...");
        var properties =
                KafkaClientProperties.consumer(stack.kafkaBootstrap(), namespace.consumerGroup("bare"), "bench-bare");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties)) {
            consumer.subscribe(List.of(namespace.topic(Topics.MATCHES)));
            long read = 0;
            long start = 0;
            while (read < matches) {
                for (var record : consumer.poll(Duration.ofMillis(100))) {
                    if (start == 0) {
                        start = System.nanoTime();
                    }
                    Json.tree(record.value());
                    read++;
                }
            }
            return read / ((System.nanoTime() - start) / 1e9);
        }
    }

    /** Matches sent at {@code rate}, their ids starting with {@code prefix}, after the service drained the backlog. */
    private LatencyRun latency(DevStack stack, FakeOneSignal oneSignal, Namespace namespace, int rate, String prefix)
            throws Exception {
        int total = rate * LATENCY_SECONDS;
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        Latencies service = new Latencies(total);
        Latencies kafka = new Latencies(total);
        oneSignal.onRequest(r -> {
            Object searchId = r.data() == null ? null : r.data().get("searchId");
            Long sent = searchId == null ? null : sentAt.get(searchId.toString());
            if (sent != null && r.status() == 200 && !r.duplicate()) {
                synchronized (service) {
                    service.add(r.arrivalNanos() - sent);
                }
            }
        });
        progress.printf(
                "sending %,d matches at %,d a second (the first %d s unmeasured) ...%n",
                rate * (LATENCY_WARM_UP_SECONDS + LATENCY_SECONDS), rate, LATENCY_WARM_UP_SECONDS);
        try (KafkaProducer<String, byte[]> producer = producer(stack);
                KafkaConsumer<String, byte[]> bare = new KafkaConsumer<>(KafkaClientProperties.consumer(
                        stack.kafkaBootstrap(), namespace.consumerGroup("bare-" + prefix), "bench-bare-" + prefix))) {
            // Positioned at the end of every partition before the first record of this run is sent.
            List<TopicPartition> partitions = bare.partitionsFor(namespace.topic(Topics.MATCHES)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            bare.assign(partitions);
            bare.seekToEnd(partitions);
            partitions.forEach(bare::position);
            Thread reader = new Thread(() -> {
                int seen = 0;
                while (seen < rate * (LATENCY_WARM_UP_SECONDS + LATENCY_SECONDS)) {
                    for (var record : bare.poll(Duration.ofMillis(50))) {
                        long now = System.nanoTime();
                        Long sent = sentAt.get(
                                record.key().substring(0, record.key().indexOf('|')));
                        if (sent != null) {
                            kafka.add(now - sent);
                        }
                        seen++;
                    }
                }
            });
            reader.start();
            long start = System.nanoTime();
            int warmUp = rate * LATENCY_WARM_UP_SECONDS;
            for (int i = 0; i < warmUp + total; i++) {
                long due = start + i * (1_000_000_000L / rate);
                // Parked, not spinning: a spinning sender would take one of the cores the service needs.
                for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                }
                if (i >= warmUp) {
                    sentAt.put(prefix + "s" + i, System.nanoTime());
                }
                send(producer, namespace, prefix + "s" + i, prefix + "o" + i, prefix + "user-" + i, 400);
            }
            producer.flush();
            reader.join(Duration.ofMinutes(2).toMillis());
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (service.count() < total && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        }
        return new LatencyRun(service, kafka);
    }

    private static Map<String, String> environment(DevStack stack, FakeOneSignal oneSignal, Namespace namespace) {
        return Map.ofEntries(
                Map.entry("KAFKA_BOOTSTRAP", stack.kafkaBootstrap()),
                Map.entry("MONGO_URI", stack.mongoUri()),
                Map.entry("PUSHTECH_NAMESPACE", namespace.value()),
                Map.entry("HTTP_HOST", "127.0.0.1"),
                Map.entry("NOTIFICATIONS_PORT", "0"),
                Map.entry("PUSHTECH_JWT_SECRET", SECRET),
                Map.entry("ONESIGNAL_API_URL", oneSignal.url()),
                Map.entry("ONESIGNAL_APP_ID", APP_ID),
                Map.entry("ONESIGNAL_API_KEY", API_KEY),
                Map.entry("NOTIFICATIONS_RATE_PER_SECOND", "6000"));
    }

    private static void createTopic(DevStack stack, Namespace namespace) throws Exception {
        try (Admin admin = Admin.create(KafkaClientProperties.admin(stack.kafkaBootstrap(), "bench"))) {
            new io.pushtech.common.kafka.TopicCreator(admin)
                    .ensure(List.of(new TopicSpecs(namespace, 4, 1).log(Topics.MATCHES)));
        }
    }

    private static KafkaProducer<String, byte[]> producer(DevStack stack) {
        return new KafkaProducer<>(KafkaClientProperties.producer(stack.kafkaBootstrap(), "bench"));
    }

    private static void send(
            KafkaProducer<String, byte[]> producer,
            Namespace namespace,
            String searchId,
            String offerId,
            String searcher,
            double distance) {
        var match = Json.object();
        match.put("type", "started").put("searchId", searchId).put("offerId", offerId);
        match.putObject("searchLocation").put("lat", 52.529).put("lng", 13.405);
        match.putObject("offerLocation").put("lat", 52.52).put("lng", 13.405);
        match.put("distance", distance).put("reason", "created").put("sequence", 1);
        match.put("ts", Instant.now().toString());
        match.putObject("search")
                .put("id", searchId)
                .put("ownerId", searcher)
                .put("keywords", "red bike")
                .put("category", "bikes");
        var offer = match.putObject("offer")
                .put("id", offerId)
                .put("ownerId", "offerer-" + offerId)
                .put("title", "Red bike " + offerId)
                .put("category", "bikes");
        offer.putObject("price").put("amount", 120).put("currency", "EUR");
        offer.putArray("imageIds");
        producer.send(new ProducerRecord<>(
                namespace.topic(Topics.MATCHES),
                searchId + "|" + offerId,
                Json.toText(match).getBytes(StandardCharsets.UTF_8)));
    }
}
