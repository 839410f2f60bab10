package io.pushtech.kafkastore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** {@link KafkastoreMain} in a child JVM with this JVM's class path, so a test can kill it outright. */
final class KafkastoreProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final Path output;

    private KafkastoreProcess(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    /** Starts kafkastore with {@code settings} as its environment and returns once it drains. */
    static KafkastoreProcess start(Map<String, String> settings, Path output) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx512m",
                        "-XX:+UseSerialGC",
                        "-cp",
                        System.getProperty("java.class.path"),
                        KafkastoreMain.class.getName()))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
        builder.environment().putAll(settings);
        KafkastoreProcess child = new KafkastoreProcess(builder.start(), output);
        child.awaitUp();
        return child;
    }

    /** {@code kill -9}: no shutdown hook, nothing flushed or acknowledged. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitUp() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.readString(output).contains("kafkastore up")) {
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("kafkastore ended with " + process.exitValue() + "; see " + output);
            }
            Thread.sleep(50);
        }
        process.destroyForcibly();
        throw new IllegalStateException("kafkastore did not start within " + START_TIMEOUT + "; see " + output);
    }

    @Override
    public void close() {
        kill();
    }
}
