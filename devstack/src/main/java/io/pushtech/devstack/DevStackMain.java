package io.pushtech.devstack;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the development stack until SIGINT or SIGTERM: data in {@code ./.pushtech} or in {@code $PUSHTECH_DATA_DIR},
 * and the addresses printed on stdout, one part per line.
 */
public final class DevStackMain {

    private DevStackMain() {}

    public static void main(String[] args) throws InterruptedException {
        String configured = System.getenv("PUSHTECH_DATA_DIR");
        Path dataDir = Path.of(configured == null || configured.isBlank() ? ".pushtech" : configured);
        DevStack stack;
        try {
            stack = DevStack.start(DevStackOptions.inDirectory(dataDir));
        } catch (RuntimeException e) {
            System.err.println("development stack failed to start: " + e.getMessage());
            System.exit(1);
            return;
        }
        System.out.println("kafka " + stack.kafkaBootstrap());
        System.out.println("redis " + stack.redisUrl());
        System.out.println("mongodb " + stack.mongoUri());
        System.out.printf(
                Locale.ROOT, "stack up in %.1f s%n", stack.startupTime().toMillis() / 1000.0);
        System.out.flush();
        // The stack's shutdown hook stops it on SIGINT/SIGTERM; this thread only keeps the JVM alive until then.
        new CountDownLatch(1).await();
    }
}
