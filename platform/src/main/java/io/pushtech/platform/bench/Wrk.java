package io.pushtech.platform.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs the {@code wrk} load generator (Debian package {@code wrk}) on loopback with one of the benchmarks' Lua
 * scripts and reads its result line. Load goes only to 127.0.0.1, is bounded in time, and stops by itself.
 */
final class Wrk {

    private static final String RESULT_SCRIPT = "wrk-result.lua";

    private final Path script;
    private final int threads;
    private final int connections;
    private final Duration duration;

    private Wrk(Path script, int threads, int connections, Duration duration) {
        this.script = script;
        this.threads = threads;
        this.connections = connections;
        this.duration = duration;
    }

    /** wrk with the tracker's script ({@code wrk-report.lua}). */
    static Wrk prepare(Path dir, int threads, int connections, Duration duration) throws IOException {
        return prepare(dir, "wrk-report.lua", threads, connections, duration);
    }

    /** wrk with the script {@code /bench/<scriptName>} and the result line of {@code wrk-result.lua}, in {@code dir}. */
    static Wrk prepare(Path dir, String scriptName, int threads, int connections, Duration duration)
            throws IOException {
        Path script = dir.resolve(scriptName);
        Files.write(script, List.of(resource(scriptName), resource(RESULT_SCRIPT)), StandardCharsets.UTF_8);
        return new Wrk(script, threads, connections, duration);
    }

    private static String resource(String scriptName) throws IOException {
        try (InputStream in = Wrk.class.getResourceAsStream("/bench/" + scriptName)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    int connections() {
        return connections;
    }

    /** How long each connection pauses between an answer and its next request. */
    enum Pacing {
        /** No pause: as fast as the server answers. */
        NONE,
        /** The same pause every time, on every connection. */
        FIXED,
        /**
         * A random pause, exponentially distributed around the given mean, drawn anew for every request: the
         * connections behave as independent clients, and their requests arrive at random (a Poisson stream).
         */
        RANDOM
    }

    /**
     * @param mode {@code pixel} (GET /t/view) or {@code batch} (POST /t/batch, 50 events)
     * @param pauseMillis the pause, or its mean when {@code pacing} is {@link Pacing#RANDOM}
     */
    Result run(String baseUrl, String mode, Pacing pacing, int pauseMillis) throws IOException, InterruptedException {
        return run(
                baseUrl,
                Map.of(
                        "PUSHTECH_WRK_MODE", mode,
                        "PUSHTECH_WRK_PACING", pacing.name().toLowerCase(Locale.ROOT),
                        "PUSHTECH_WRK_PAUSE_MS", Integer.toString(pacing == Pacing.NONE ? 0 : pauseMillis)));
    }

    /** As fast as the server answers. */
    Result run(String baseUrl, String mode) throws IOException, InterruptedException {
        return run(baseUrl, mode, Pacing.NONE, 0);
    }

    /** Runs wrk against {@code baseUrl} with {@code environment} added to its own (the script's parameters). */
    Result run(String baseUrl, Map<String, String> environment) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(List.of(
                        "wrk",
                        "-t" + threads,
                        "-c" + connections,
                        "-d" + duration.toSeconds() + "s",
                        "-s",
                        script.toString(),
                        baseUrl))
                .redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process wrk = builder.start();
        String result = null;
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(wrk.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("RESULT ")) {
                    result = line;
                }
            }
        }
        if (wrk.waitFor() != 0 || result == null) {
            throw new IllegalStateException("wrk failed (exit " + wrk.exitValue() + "); is the wrk package installed?");
        }
        return Result.parse(result);
    }

    /**
     * One run's figures.
     *
     * @param requestsPerSecond completed requests per second
     * @param p50Millis median latency
     * @param p99Millis 99th percentile latency
     * @param errors non-2xx answers and socket errors
     */
    record Result(double requestsPerSecond, double p50Millis, double p99Millis, long errors) {

        static Result parse(String line) {
            String[] f = line.split(" ");
            long requests = Long.parseLong(f[1]);
            double seconds = Long.parseLong(f[2]) / 1e6;
            return new Result(
                    requests / seconds,
                    Double.parseDouble(f[3]) / 1e3,
                    Double.parseDouble(f[4]) / 1e3,
                    Long.parseLong(f[5]));
        }
    }
}
