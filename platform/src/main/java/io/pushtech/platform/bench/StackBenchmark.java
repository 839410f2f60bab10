package io.pushtech.platform.bench;

import io.pushtech.devstack.DevStack;
import io.pushtech.devstack.DevStackOptions;
import io.pushtech.platform.PlatformProcess;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * {@code pushtech bench stack}: start-up of the development stack and of the whole platform ({@code pushtech up}
 * as a child JVM, as a user runs it), and the round trip of a location ping through the event path, each beside
 * a reference measured in the same run. Runs on a temporary data directory and free ports, so it does not touch
 * a running {@code pushtech up}.
 */
final class StackBenchmark {

    private static final int WARMUP = 100;
    private static final int PINGS = 1000;

    private final PrintStream progress;

    StackBenchmark(PrintStream progress) {
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
        progress.println("measuring the development stack's start ...");
        double freshStack = stackStartSeconds(dir.resolve("stack"));
        double restartedStack = stackStartSeconds(dir.resolve("stack"));
        progress.println("measuring pushtech up and the event path ...");
        long platformStart = System.nanoTime();
        try (PlatformProcess platform = PlatformProcess.up(dir.resolve("platform"), dir.resolve("platform.log"))) {
            double platformSeconds = (System.nanoTime() - platformStart) / 1e9;
            Latencies path = pushtechPath(platform);
            Latencies bare = bareHops(platform);
            platform.terminate(Duration.ofSeconds(60));
            String jvm = String.format("JVM start (`java -version`): %.2f s", jvmSeconds);
            return new BenchTable("bench stack (" + PINGS + " pings after " + WARMUP + " warm-up)")
                    .row("development stack start, empty data dir", s(freshStack), jvm, "< 15 s")
                    .row("development stack start, existing data", s(restartedStack), jvm, "< 15 s")
                    .row(
                            "`pushtech up` until its addresses are printed, empty data dir",
                            s(platformSeconds),
                            "stack alone: " + s(freshStack),
                            "< 2 min with the first build")
                    .row(
                            "event round trip p50 (ping → storage API answers it)",
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

    private static double stackStartSeconds(Path dataDir) {
        try (DevStack stack = DevStack.start(DevStackOptions.inDirectory(dataDir))) {
            return stack.startupTime().toMillis() / 1e3;
        }
    }

    private static Latencies pushtechPath(PlatformProcess platform) throws Exception {
        EventPathProbe probe = new EventPathProbe(platform.address("tracker"), platform.address("storage"));
        Latencies latencies = new Latencies(PINGS);
        for (int i = 0; i < WARMUP + PINGS; i++) {
            long nanos = probe.roundTrip("bench-device", 10 + i * 0.0001, 20);
            if (i >= WARMUP) {
                latencies.add(nanos);
            }
        }
        return latencies;
    }

    private static Latencies bareHops(PlatformProcess platform) throws Exception {
        Latencies latencies = new Latencies(PINGS);
        try (BareHops bare =
                new BareHops(platform.address("redis"), platform.address("kafka"), platform.address("mongodb"))) {
            for (int i = 0; i < WARMUP + PINGS; i++) {
                long nanos = bare.roundTrip(i);
                if (i >= WARMUP) {
                    latencies.add(nanos);
                }
            }
        }
        return latencies;
    }

    private static String s(double seconds) {
        return String.format("%.1f s", seconds);
    }

    private static String ms(double millis) {
        return String.format("%.1f ms", millis);
    }

    static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        }
    }
}
