package io.pushtech.tracker;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** The tracker in a child JVM ({@link TrackerMain}), so a test can SIGKILL it. */
final class TrackerProcess implements AutoCloseable {

    private final Process process;
    private final String url;

    private TrackerProcess(Process process, String url) {
        this.process = process;
        this.url = url;
    }

    static TrackerProcess start(Map<String, String> environment, Path log) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(
                java, "-Xmx256m", "-cp", System.getProperty("java.class.path"), TrackerMain.class.getName());
        builder.environment().putAll(environment);
        builder.redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Process process = builder.start();
        var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        try {
            String line = CompletableFuture.supplyAsync(() -> {
                        try {
                            return reader.readLine();
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .get(60, TimeUnit.SECONDS);
            if (line == null || !line.startsWith("tracker ")) {
                throw new IllegalStateException("the tracker did not start; see " + log);
            }
            return new TrackerProcess(process, line.substring("tracker ".length()));
        } catch (Exception e) {
            process.destroyForcibly();
            throw e;
        }
    }

    String url() {
        return url;
    }

    /** SIGKILL: no shutdown hook, no flush. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
