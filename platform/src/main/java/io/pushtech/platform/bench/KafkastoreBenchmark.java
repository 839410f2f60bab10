package io.pushtech.platform.bench;

import io.pushtech.common.Namespace;
import io.pushtech.common.Streams;
import io.pushtech.devstack.DevStack;
import io.pushtech.devstack.DevStackOptions;
import io.pushtech.kafkastore.KafkastoreMain;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.StreamEntryID;

/**
 * {@code pushtech bench kafkastore}: drain rate of a pre-filled stream of realistic events into Kafka by kafkastore
 * in a child JVM limited to 512 MB of heap, with full enrichment and, in the same run, without GeoIP and device
 * detection (the ceiling), then the enrichment step alone under JMH.
 */
final class KafkastoreBenchmark {

    /** A moderately loaded tracker merges about this many events into one stream entry. */
    private static final int EVENTS_PER_ENTRY = 20;

    private final PrintStream progress;
    private final int events;

    KafkastoreBenchmark(PrintStream progress, int events) {
        this.progress = progress;
        this.events = events;
    }

    BenchTable run() throws Exception {
        Path dir = Files.createTempDirectory("pushtech-bench-kafkastore");
        try (DevStack stack = DevStack.start(DevStackOptions.inDirectory(dir.resolve("stack")))) {
            double ceiling = drainRate(
                    stack,
                    dir,
                    "ceiling",
                    events,
                    Map.of("GEOIP_ENABLED", "false", "KAFKASTORE_DEVICE_DETECTION", "false"));
            double full = drainRate(stack, dir, "full", events, Map.of());
            int tuningEvents = events / 5;
            double defaults = drainRate(stack, dir, "defaults", tuningEvents, Map.of());
            double noLinger = drainRate(stack, dir, "linger0", tuningEvents, Map.of("KAFKASTORE_LINGER_MS", "0"));
            double uncompressed = drainRate(stack, dir, "none", tuningEvents, Map.of("KAFKASTORE_COMPRESSION", "none"));
            double zstd = drainRate(stack, dir, "zstd", tuningEvents, Map.of("KAFKASTORE_COMPRESSION", "zstd"));
            EnrichmentJmh.Result jmh = EnrichmentJmh.run(progress);
            String tuningReference = String.format(
                    "defaults (`linger.ms` 10, `lz4`), same %,d events: %,.0f events/s", tuningEvents, defaults);
            return new BenchTable(
                            "bench kafkastore (" + String.format("%,d", events) + " events, kafkastore heap -Xmx512m)")
                    .row(
                            "drain rate, full enrichment (GeoIP, device, privacy)",
                            String.format("%,.0f events/s", full),
                            String.format("without GeoIP and device detection: %,.0f events/s", ceiling),
                            "≥ 50 000 events/s")
                    .row("full enrichment / ceiling", String.format("%.0f %%", 100 * full / ceiling), "100 %", "≥ 60 %")
                    .row(
                            "enrichment step alone (JMH, one thread)",
                            String.format("%,.0f events/s", jmh.enrichedPerSecond()),
                            String.format(
                                    "parse and write without enrichment: %,.0f events/s", jmh.passThroughPerSecond()),
                            "—")
                    .row("producer `linger.ms` 0", rate(noLinger), tuningReference, "—")
                    .row("producer `compression.type` none", rate(uncompressed), tuningReference, "—")
                    .row("producer `compression.type` zstd", rate(zstd), tuningReference, "—");
        } finally {
            StackBenchmark.deleteRecursively(dir);
        }
    }

    private static String rate(double eventsPerSecond) {
        return String.format("%,.0f events/s", eventsPerSecond);
    }

    private double drainRate(DevStack stack, Path dir, String name, int events, Map<String, String> overrides)
            throws Exception {
        Namespace namespace = new Namespace("bench-" + name);
        String stream = namespace.redisKey(Streams.EVENTS);
        String group = namespace.consumerGroup("kafkastore");
        StreamEntryID last;
        try (JedisPooled redis = new JedisPooled(stack.redisUrl())) {
            progress.printf(
                    "filling a stream with %,d events, %d to an entry (%s) ...%n", events, EVENTS_PER_ENTRY, name);
            new RealisticEvents().fill(redis, stream, events, EVENTS_PER_ENTRY);
            last = redis.xrevrange(stream, "+", "-", 1).get(0).getID();
        }
        Map<String, String> env = new HashMap<>(Map.of(
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
                "bench"));
        env.putAll(overrides);
        progress.printf("draining it (%s) ...%n", name);
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx512m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        KafkastoreMain.class.getName())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("kafkastore-" + name + ".log").toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        try (JedisPooled redis = new JedisPooled(stack.redisUrl())) {
            long start = 0;
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(
                            "kafkastore ended; see " + dir.resolve("kafkastore-" + name + ".log"));
                }
                var info = redis.xinfoGroups(stream).stream()
                        .filter(g -> g.getName().equals(group))
                        .findFirst();
                if (info.isPresent()) {
                    StreamEntryID delivered = info.get().getLastDeliveredId();
                    if (start == 0 && delivered.compareTo(new StreamEntryID()) > 0) {
                        start = System.nanoTime();
                    }
                    if (delivered.equals(last) && info.get().getPending() == 0) {
                        return events / ((System.nanoTime() - start) / 1e9);
                    }
                }
                Thread.sleep(start == 0 ? 1 : 20);
            }
        } finally {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
