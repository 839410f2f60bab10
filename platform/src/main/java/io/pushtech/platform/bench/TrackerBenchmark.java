package io.pushtech.platform.bench;

import io.pushtech.common.Streams;
import io.pushtech.devstack.RedisServerProcess;
import io.pushtech.platform.Main;
import io.pushtech.tracker.TrackerVerticle;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.params.XTrimParams;

/**
 * {@code pushtech bench tracker}: wrk on loopback against the tracker (on a real redis-server, alone) and, in the same
 * run, against a bare Vert.x handler that answers 204: pixel requests, batches of 50 events, and the latency at
 * half of the tracker's maximum rate, on both servers at the same pace. Both servers first get the same load unmeasured, so that the figures are
 * those of compiled code rather than of the JIT compiler at work.
 */
final class TrackerBenchmark {

    private static final int EVENTS_PER_BATCH = 50;
    private static final Duration RUN = Duration.ofSeconds(8);
    private static final int WARM_UP_ROUNDS = 2;
    private static final int PIXEL_ROUNDS = 3;
    private static final int HALF_RATE_ROUNDS = 3;

    private final PrintStream progress;

    TrackerBenchmark(PrintStream progress) {
        this.progress = progress;
    }

    BenchTable run() throws Exception {
        Path dir = Files.createTempDirectory("pushtech-bench-tracker");
        // Only Redis: the tracker needs nothing else, and an idle Kafka broker and MongoDB would take CPU from both
        // servers measured here.
        RedisServerProcess redis = RedisServerProcess.alone(dir.resolve("stack"), "everysec");
        redis.start();
        try (ServerProcess tracker = ServerProcess.start(
                        TrackerVerticle.NAME,
                        Main.class.getName(),
                        List.of("run", TrackerVerticle.NAME),
                        environment(redis, dir.resolve("tracker-journal")),
                        dir.resolve("tracker.log"));
                ServerProcess bare = ServerProcess.start(
                        "bare", BareServer.class.getName(), List.of(), Map.of(), dir.resolve("bare.log"));
                StreamTrimmer trimmer = new StreamTrimmer(redis.url(), "bench:" + Streams.EVENTS)) {
            String trackerUrl = tracker.url();
            Wrk wrk = Wrk.prepare(dir, 2, 64, RUN);
            progress.println("wrk: warming up both servers (not measured) ...");
            // twice: each server is a fresh JVM, and on a busy machine its compiler is not done after one round
            for (int round = 0; round < WARM_UP_ROUNDS; round++) {
                for (String url : List.of(bare.url(), trackerUrl)) {
                    wrk.run(url, "pixel");
                    wrk.run(url, "batch");
                }
            }
            progress.println("wrk: pixel requests, " + PIXEL_ROUNDS + " rounds ...");
            List<Wrk.Result> barePixels = new ArrayList<>();
            List<Wrk.Result> pixels = new ArrayList<>();
            // Alternating rounds, each side's median: one run of either side varies by a tenth from run to run.
            for (int round = 0; round < PIXEL_ROUNDS; round++) {
                barePixels.add(wrk.run(bare.url(), "pixel"));
                pixels.add(wrk.run(trackerUrl, "pixel"));
            }
            Wrk.Result barePixel = median(barePixels);
            Wrk.Result pixel = median(pixels);
            progress.println("wrk: batches of " + EVENTS_PER_BATCH + " events ...");
            Wrk.Result bareBatch = wrk.run(bare.url(), "batch");
            Wrk.Result batch = wrk.run(trackerUrl, "batch");
            progress.println("wrk: half of the maximum rate, " + HALF_RATE_ROUNDS + " rounds each ...");
            // the bare handler at the tracker's pace: what HTTP on this machine, with wrk beside it, costs there
            int pixelPause = meanPauseForHalfRate(wrk, pixel);
            HalfRate pixelHalf = atHalfRate(wrk, trackerUrl, "pixel", Wrk.Pacing.RANDOM, pixelPause);
            HalfRate barePixelHalf = atHalfRate(wrk, bare.url(), "pixel", Wrk.Pacing.RANDOM, pixelPause);
            int batchPause = meanPauseForHalfRate(wrk, batch);
            HalfRate batchHalf = atHalfRate(wrk, trackerUrl, "batch", Wrk.Pacing.RANDOM, batchPause);
            HalfRate bareBatchHalf = atHalfRate(wrk, bare.url(), "batch", Wrk.Pacing.RANDOM, batchPause);
            HalfRate batchHalfInStep =
                    atHalfRate(wrk, trackerUrl, "batch", Wrk.Pacing.FIXED, fixedPauseForHalfRate(wrk, batch));
            return table(
                    barePixel,
                    pixel,
                    bareBatch,
                    batch,
                    new Paced(pixelHalf, barePixelHalf),
                    new Paced(batchHalf, bareBatchHalf),
                    batchHalfInStep);
        } finally {
            redis.stop();
            StackBenchmark.deleteRecursively(dir);
        }
    }

    private static BenchTable table(
            Wrk.Result barePixel,
            Wrk.Result pixel,
            Wrk.Result bareBatch,
            Wrk.Result batch,
            Paced pixelHalf,
            Paced batchHalf,
            HalfRate batchHalfInStep) {
        return new BenchTable(
                        "bench tracker (wrk, 2 threads, 64 connections, " + RUN.toSeconds() + " s per run, loopback)")
                .row(
                        "`GET /t/view`: requests/s (median of " + PIXEL_ROUNDS + " alternating runs)",
                        rate(pixel),
                        "bare handler: " + rate(barePixel),
                        "≥ 70% of bare (" + percent(pixel.requestsPerSecond(), barePixel.requestsPerSecond()) + ")")
                .row("`GET /t/view` (that run): p50 / p99", latency(pixel), "bare handler: " + latency(barePixel), "")
                .row(
                        "`POST /t/batch` (50 events): events/s",
                        rate(batch.requestsPerSecond() * EVENTS_PER_BATCH),
                        "bare handler: " + rate(bareBatch.requestsPerSecond() * EVENTS_PER_BATCH),
                        "≥ 200 000")
                .row("`POST /t/batch`: p50 / p99", latency(batch), "bare handler: " + latency(bareBatch), "")
                .row(
                        "`GET /t/view` at half the maximum rate ("
                                + rate(pixelHalf.tracker().median()) + " req/s, random pauses): p50 / p99"
                                + HALF_RATE_RUNS,
                        pixelHalf.tracker().describe(),
                        "bare handler at the same pace: " + pixelHalf.bare().describe(),
                        "p99 < 5 ms")
                .row(
                        "`POST /t/batch` at half the maximum rate ("
                                + rate(batchHalf.tracker().median()) + " req/s, random pauses): p50 / p99"
                                + HALF_RATE_RUNS,
                        batchHalf.tracker().describe(),
                        "bare handler at the same pace: " + batchHalf.bare().describe(),
                        "p99 < 5 ms")
                .row(
                        "`POST /t/batch` at half the maximum rate (" + rate(batchHalfInStep.median())
                                + " req/s, the same pause on every connection): p50 / p99" + HALF_RATE_RUNS,
                        batchHalfInStep.describe(),
                        "",
                        "")
                .row(
                        "errors (non-2xx or socket) in the tracker runs",
                        Long.toString(pixel.errors()
                                + batch.errors()
                                + pixelHalf.tracker().errors()
                                + batchHalf.tracker().errors()
                                + batchHalfInStep.errors()),
                        "",
                        "0");
    }

    private static final String HALF_RATE_RUNS =
            " (median of " + HALF_RATE_ROUNDS + " runs by p99; each run's p99 in brackets)";

    /**
     * Runs at a pace below the maximum: first once unmeasured, because code paths that only this pace takes are
     * still being compiled in its first run (about a second of compiler time on these two cores), then
     * {@link #HALF_RATE_ROUNDS} times.
     */
    private static HalfRate atHalfRate(Wrk wrk, String url, String mode, Wrk.Pacing pacing, int pauseMillis)
            throws IOException, InterruptedException {
        wrk.run(url, mode, pacing, pauseMillis);
        List<Wrk.Result> runs = new ArrayList<>();
        for (int round = 0; round < HALF_RATE_ROUNDS; round++) {
            runs.add(wrk.run(url, mode, pacing, pauseMillis));
        }
        return new HalfRate(runs);
    }

    /** The tracker's runs at a pace, and the bare handler's at the same pace. */
    private record Paced(HalfRate tracker, HalfRate bare) {}

    /** The measured runs at one pace, in the order they ran. */
    private record HalfRate(List<Wrk.Result> runs) {

        /** The run with the median p99. */
        Wrk.Result median() {
            List<Wrk.Result> sorted = runs.stream()
                    .sorted(Comparator.comparingDouble(Wrk.Result::p99Millis))
                    .toList();
            return sorted.get(sorted.size() / 2);
        }

        String describe() {
            return latency(median()) + " ["
                    + String.join(
                            ", ",
                            runs.stream()
                                    .map(run -> String.format("%.2f", run.p99Millis()))
                                    .toList())
                    + "]";
        }

        long errors() {
            return runs.stream().mapToLong(Wrk.Result::errors).sum();
        }
    }

    /** The run with the median request rate. */
    private static Wrk.Result median(List<Wrk.Result> runs) {
        List<Wrk.Result> sorted = runs.stream()
                .sorted(Comparator.comparingDouble(Wrk.Result::requestsPerSecond))
                .toList();
        return sorted.get(sorted.size() / 2);
    }

    /**
     * The mean random pause per connection that brings wrk to about half of the measured maximum request rate:
     * each connection's cycle is its pause plus the answer's latency, about a millisecond at that rate.
     */
    private static int meanPauseForHalfRate(Wrk wrk, Wrk.Result max) {
        return (int) Math.max(1, Math.round(2_000.0 * wrk.connections() / max.requestsPerSecond() - 1));
    }

    /** The same for a fixed pause, after which connections answered together send together again. */
    private static int fixedPauseForHalfRate(Wrk wrk, Wrk.Result max) {
        return (int) Math.max(1, Math.round(2_000.0 * wrk.connections() / max.requestsPerSecond() - max.p50Millis()));
    }

    private static Map<String, String> environment(RedisServerProcess redis, Path journal) {
        return Map.of(
                "TRACKER_JOURNAL_DIR", journal.toString(),
                "REDIS_URL", redis.url(),
                "PUSHTECH_NAMESPACE", "bench",
                "HTTP_HOST", "127.0.0.1",
                "TRACKER_PORT", "0",
                "TRACKER_RATE_PER_ADDRESS", "0",
                "TRACKER_RATE_PER_DEVICE", "0");
    }

    private static String rate(Wrk.Result result) {
        return rate(result.requestsPerSecond());
    }

    private static String rate(double perSecond) {
        return String.format("%,.0f", perSecond).replace(',', ' ');
    }

    private static String latency(Wrk.Result result) {
        return String.format("%.2f / %.2f ms", result.p50Millis(), result.p99Millis());
    }

    private static String percent(double value, double reference) {
        return String.format("%.0f%%", 100 * value / reference);
    }

    /**
     * Keeps the stream short while nothing drains it, as kafkastore would in production. Short in entries and so
     * in bytes: an entry holds up to 500 events, and a stream of thousands of them would have Redis rewrite its
     * append-only file of a gigabyte on the cores the servers measured need.
     */
    private static final class StreamTrimmer implements AutoCloseable {
        private final JedisPooled redis;
        private final Thread thread;
        private volatile boolean running = true;

        StreamTrimmer(String redisUrl, String key) {
            redis = new JedisPooled(URI.create(redisUrl));
            thread = new Thread(
                    () -> {
                        while (running) {
                            redis.xtrim(
                                    key, XTrimParams.xTrimParams().maxLen(100).approximateTrimming());
                            try {
                                Thread.sleep(200);
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                    },
                    "bench-stream-trimmer");
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            thread.join(2_000);
            redis.close();
        }
    }
}
