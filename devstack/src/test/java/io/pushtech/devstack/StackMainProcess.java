package io.pushtech.devstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@link DevStackMain} run in a child JVM with this JVM's classpath, as a developer would run it. */
final class StackMainProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern PORT = Pattern.compile(":(\\d+)$");

    private final Process process;
    private final Path output;

    private StackMainProcess(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    /** Starts the stack in {@code workDir/data} and waits until it printed that it is up. */
    static StackMainProcess startIn(Path workDir) throws IOException, InterruptedException {
        Path output = workDir.resolve("main.out");
        ProcessBuilder builder = new ProcessBuilder(JavaCommand.of(
                        List.of("-Xmx256m", "-XX:+UseSerialGC"), DevStackMain.class.getName(), List.of()))
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().put("PUSHTECH_DATA_DIR", workDir.resolve("data").toString());
        StackMainProcess main = new StackMainProcess(builder.start(), output);
        main.awaitStackUp();
        return main;
    }

    Process process() {
        return process;
    }

    /** The lines printed by DevStackMain itself, without the log lines around them. */
    List<String> printedLines() throws IOException {
        return Files.readAllLines(output, StandardCharsets.UTF_8).stream()
                .filter(line -> line.matches("^(kafka|redis|mongodb|stack up in) .*"))
                .toList();
    }

    int printedPort(String part) throws IOException {
        String line = printedLines().stream()
                .filter(printed -> printed.startsWith(part + " "))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no line for " + part + " in " + output));
        Matcher matcher = PORT.matcher(line);
        if (!matcher.find()) {
            throw new IllegalStateException("no port in '" + line + "'");
        }
        return Integer.parseInt(matcher.group(1));
    }

    /** Stops the stack with SIGTERM if it still runs, and waits for its JVM to end. */
    @Override
    public void close() throws IOException {
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IOException("DevStackMain did not stop within " + STOP_TIMEOUT + " after SIGTERM");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private void awaitStackUp() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (printedLines().stream().anyMatch(line -> line.startsWith("stack up in "))) {
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("DevStackMain exited with " + process.exitValue() + "; see " + output);
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(
                "DevStackMain did not print 'stack up in' within " + START_TIMEOUT + "; see " + output);
    }
}
