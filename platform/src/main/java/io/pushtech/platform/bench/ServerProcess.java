package io.pushtech.platform.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A server that a benchmark measures, in a JVM of its own started from this JVM's class path, as it would run in
 * production: its compiler and collector then work for it alone, not for the other server of the comparison too.
 * The server prints {@code <name> <url>} on its standard output once it serves.
 */
final class ServerProcess implements AutoCloseable {

    private static final long START_TIMEOUT_MILLIS = 120_000;
    private static final int LOG_LINES_SHOWN = 20;

    private final Process process;
    private final String url;

    private ServerProcess(Process process, String url) {
        this.process = process;
        this.url = url;
    }

    /** Starts {@code mainClass} with {@code arguments} and waits until it names its address; output goes to {@code log}. */
    static ServerProcess start(
            String name, String mainClass, List<String> arguments, Map<String, String> environment, Path log)
            throws IOException, InterruptedException {
        return start(name, List.of(), mainClass, arguments, environment, log);
    }

    /** {@link #start(String, String, List, Map, Path)} in a JVM started with {@code jvmOptions}. */
    static ServerProcess start(
            String name,
            List<String> jvmOptions,
            String mainClass,
            List<String> arguments,
            Map<String, String> environment,
            Path log)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(arguments);
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
        String prefix = name + " http://";
        while (System.currentTimeMillis() < deadline && process.isAlive()) {
            for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                if (line.startsWith(prefix)) {
                    return new ServerProcess(
                            process, line.substring(name.length() + 1).strip());
                }
            }
            Thread.sleep(100);
        }
        process.destroyForcibly();
        // The log goes with the benchmark's temporary directory: its end goes into the message.
        throw new IllegalStateException(name + " did not start; the end of its log:\n" + tail(log));
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_LINES_SHOWN), lines.size()));
    }

    String url() {
        return url;
    }

    /** SIGTERM, so the server stops as it would in production; SIGKILL if it takes too long. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
