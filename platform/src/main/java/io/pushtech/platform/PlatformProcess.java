package io.pushtech.platform;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code pushtech up} as a child JVM, the way a user runs it, with the addresses it prints; its services listen
 * on free ports. Used by the end-to-end test and the stack benchmark.
 */
public final class PlatformProcess implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(90);

    private final Process process;
    private final Map<String, String> addresses = new HashMap<>();
    private final List<ProcessHandle> descendants = new ArrayList<>();

    private PlatformProcess(Process process) {
        this.process = process;
    }

    /** Starts {@code pushtech up} on the embedded stack and returns once it printed its summary line. */
    public static PlatformProcess up(Path dataDir, Path log) throws Exception {
        return start(List.of("up"), Map.of("PUSHTECH_DATA_DIR", dataDir.toString()), log);
    }

    /**
     * Starts {@code pushtech <args>} with {@code environment} added to this JVM's, and returns once it printed its
     * summary line (the one starting with {@code pushtech }); stderr goes to {@code log}.
     */
    public static PlatformProcess start(List<String> args, Map<String, String> environment, Path log) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(
                List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command);
        Services.all()
                .forEach(service -> builder.environment().put(service.port().name(), "0"));
        builder.environment().putAll(environment);
        builder.redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
        PlatformProcess platform = new PlatformProcess(builder.start());
        try {
            platform.readAddresses();
        } catch (Exception | AssertionError e) {
            platform.close();
            throw e;
        }
        return platform;
    }

    private void readAddresses() throws Exception {
        var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<Void> summary = CompletableFuture.runAsync(() -> {
            try {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (line.startsWith("pushtech ")) {
                        return;
                    }
                    String[] parts = line.split(" ", 2);
                    if (parts.length != 2) {
                        throw new IllegalStateException("unexpected line on stdout: '" + line + "'");
                    }
                    addresses.put(parts[0], parts[1]);
                }
                throw new IllegalStateException("pushtech ended before it was up");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        summary.get(STARTUP.toSeconds(), TimeUnit.SECONDS);
        process.descendants().forEach(descendants::add);
    }

    /** What {@code up} printed for {@code name} ({@code tracker}, {@code kafka}, …). */
    public String address(String name) {
        return addresses.get(name);
    }

    public Map<String, String> addresses() {
        return Map.copyOf(addresses);
    }

    /** The child processes (Kafka broker, redis-server) seen once the platform was up. */
    public List<ProcessHandle> descendants() {
        return descendants;
    }

    /** Sends SIGTERM, as Ctrl-C or a container stop would, and returns the exit code. */
    public int terminate(Duration within) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(within.toSeconds(), TimeUnit.SECONDS)) {
            throw new IllegalStateException("pushtech up did not stop within " + within.toSeconds() + " s");
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
    }
}
