package io.pushtech.platform.bench;

import io.pushtech.common.config.CommonSettings;
import io.pushtech.common.config.Settings;
import io.pushtech.common.service.RunningServices;
import io.pushtech.devstack.DevStack;
import io.pushtech.devstack.DevStackOptions;
import io.pushtech.platform.Services;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code pushtech bench stack}: start-up of the development stack and of the whole platform, and the
 * round trip of a location ping through the event path, each beside a reference measured in the same run.
 * Runs on a temporary data directory and free ports, so it does not touch a running {@code pushtech up}.
 */
final class StackBenchmark {

    private static final int WARMUP = 100;
    private static final int PINGS = 1000;

    private final Settings settings;
    private final PrintStream progress;

    StackBenchmark(Settings settings, PrintStream progress) {
        this.settings = settings;
        this.progress = progress;
    }

    BenchTable run() throws Exception {
        Path dir = Files.createTempDirectory("pushtech-bench");
        try {
            return measure(dir);
        } finally {
            deleteRecursively(dir);
        }
    }

    private BenchTable measure(Path dir) throws Exception {
        double jvmSeconds = JvmStart.seconds();
        progress.println("measuring stack start ...");
        double freshStack;
        try (DevStack stack = DevStack.start(DevStackOptions.inDirectory(dir.resolve("stack")))) {
            freshStack = seconds(stack);
        }
        double restartedStack;
        try (DevStack stack = DevStack.start(DevStackOptions.inDirectory(dir.resolve("stack")))) {
            restartedStack = seconds(stack);
        }
        progress.println("measuring platform start and event path ...");
        long platformStart = System.nanoTime();
        try (DevStack stack = DevStack.start(DevStackOptions.inDirectory(dir.resolve("platform")));
                RunningServices services = RunningServices.start(Services.all(), settingsFor(stack))) {
            double platformSeconds = (System.nanoTime() - platformStart) / 1e9;
            Latencies path = pushtechPath(services);
            Latencies bare = bareHops(stack);
            String jvm = String.format("JVM start (`java -version`): %.2f s", jvmSeconds);
            return new BenchTable("bench stack (" + PINGS + " pings after " + WARMUP + " warm-up)")
                    .row("development stack start, empty data dir", s(freshStack), jvm, "< 15 s")
                    .row("development stack start, existing data", s(restartedStack), jvm, "< 15 s")
                    .row("whole platform start (stack + services)", s(platformSeconds), jvm, "< 2 min with first build")
                    .row(
                            "event round trip p50",
                            ms(path.percentileMillis(50)),
                            "bare client hops p50: " + ms(bare.percentileMillis(50)),
                            "< 1 s")
                    .row(
                            "event round trip p99",
                            ms(path.percentileMillis(99)),
                            "bare client hops p99: " + ms(bare.percentileMillis(99)),
                            "< 1 s");
        }
    }

    private Settings settingsFor(DevStack stack) {
        Map<String, String> overrides = new HashMap<>();
        overrides.put(CommonSettings.KAFKA_BOOTSTRAP.name(), stack.kafkaBootstrap());
        overrides.put(CommonSettings.REDIS_URL.name(), stack.redisUrl());
        overrides.put(CommonSettings.MONGO_URI.name(), stack.mongoUri());
        overrides.put(CommonSettings.HTTP_HOST.name(), "127.0.0.1");
        overrides.put(CommonSettings.NAMESPACE.name(), "bench");
        Services.all().forEach(service -> overrides.put(service.port().name(), "0"));
        return settings.with(overrides);
    }

    private static Latencies pushtechPath(RunningServices services) throws Exception {
        EventPathProbe probe = new EventPathProbe(services.port("tracker"), services.port("storage"));
        Latencies latencies = new Latencies(PINGS);
        for (int i = 0; i < WARMUP + PINGS; i++) {
            long nanos = probe.roundTrip("bench-device", 10 + i * 0.0001, 20);
            if (i >= WARMUP) {
                latencies.add(nanos);
            }
        }
        return latencies;
    }

    private static Latencies bareHops(DevStack stack) throws Exception {
        Latencies latencies = new Latencies(PINGS);
        try (BareHops bare = new BareHops(stack.redisUrl(), stack.kafkaBootstrap(), stack.mongoUri())) {
            for (int i = 0; i < WARMUP + PINGS; i++) {
                long nanos = bare.roundTrip(i);
                if (i >= WARMUP) {
                    latencies.add(nanos);
                }
            }
        }
        return latencies;
    }

    private static double seconds(DevStack stack) {
        return stack.startupTime().toMillis() / 1e3;
    }

    private static String s(double seconds) {
        return String.format("%.1f s", seconds);
    }

    private static String ms(double millis) {
        return String.format("%.1f ms", millis);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        }
    }
}
