package io.pushtech.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The development stack: a Kafka broker (KRaft), a redis-server and a MongoDB-wire server, started together from
 * one data directory, and stopped together by {@link #close()} or when the JVM exits. Thread-safe.
 */
public final class DevStack implements AutoCloseable {

    private static final Logger LOGGER = LoggerFactory.getLogger(DevStack.class);
    private static final AtomicInteger STARTER_COUNT = new AtomicInteger();
    private static final int START_ATTEMPTS = 3;

    private final Path dataDir;
    private final StackPorts ports;
    private final KafkaBroker kafka;
    private final RedisServerProcess redis;
    private final MongoWireServer mongo;
    private final Duration startupTime;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread shutdownHook = new Thread(this::closeDependentsThenStack, "devstack-shutdown");
    private volatile AutoCloseable dependents = () -> {};

    private DevStack(
            Path dataDir,
            StackPorts ports,
            KafkaBroker kafka,
            RedisServerProcess redis,
            MongoWireServer mongo,
            Duration startupTime) {
        this.dataDir = dataDir;
        this.ports = ports;
        this.kafka = kafka;
        this.redis = redis;
        this.mongo = mongo;
        this.startupTime = startupTime;
    }

    /**
     * Starts Kafka, Redis and MongoDB in parallel and blocks until each of them answers.
     *
     * @throws IllegalStateException if a configured port is already in use (nothing is started then)
     * @throws DevStackException     if a part fails to start; the message names the part and its log file
     */
    public static DevStack start(DevStackOptions options) {
        return start(options, () -> StackPorts.choose(options));
    }

    /** Starts on the ports {@code chooser} gives, asking it again when one of them was taken meanwhile. */
    static DevStack start(DevStackOptions options, Supplier<StackPorts> chooser) {
        long startNanos = System.nanoTime();
        for (int attempt = 1; ; attempt++) {
            StackPorts ports = chooser.get();
            try {
                return start(options, ports, startNanos);
            } catch (RuntimeException e) {
                // A port found free can be taken (by any process's outgoing connection, too) before the part binds
                // it: the part then fails, and the port is still held by someone else after ours stopped.
                if (attempt == START_ATTEMPTS || ports.allFree()) {
                    throw e;
                }
                LOGGER.atWarn()
                        .addKeyValue("attempt", attempt)
                        .log("a port chosen for the stack was taken before its part bound it; starting on other ports");
            }
        }
    }

    private static DevStack start(DevStackOptions options, StackPorts ports, long startNanos) {
        Path dataDir = options.dataDir();
        createDirectory(dataDir);
        ports.remember(dataDir);
        KafkaBroker kafka = new KafkaBroker(dataDir, ports.kafka(), ports.kafkaController());
        RedisServerProcess redis = new RedisServerProcess(dataDir, ports.redis(), options.redisAppendFsync());
        ExecutorService starters = Executors.newFixedThreadPool(3, DevStack::starterThread);
        CompletableFuture<KafkaBroker> kafkaUp = startAsync("kafka", starters, () -> {
            kafka.start();
            return kafka;
        });
        CompletableFuture<RedisServerProcess> redisUp = startAsync("redis", starters, () -> {
            redis.start();
            return redis;
        });
        CompletableFuture<MongoWireServer> mongoUp = startAsync(
                "mongodb", starters, () -> MongoWireServer.start(dataDir, ports.mongo(), options.mongoInMemory()));
        starters.shutdown();
        List<RuntimeException> failures = new ArrayList<>();
        List.of(kafkaUp, redisUp, mongoUp).forEach(part -> awaitPart(part, failures));
        if (!failures.isEmpty()) {
            kafka.stop();
            redis.stop();
            mongoUp.thenAccept(MongoWireServer::close);
            RuntimeException failure = failures.get(0);
            failures.subList(1, failures.size()).forEach(failure::addSuppressed);
            throw failure;
        }
        DevStack stack = new DevStack(
                dataDir, ports, kafka, redis, mongoUp.join(), Duration.ofNanos(System.nanoTime() - startNanos));
        Runtime.getRuntime().addShutdownHook(stack.shutdownHook);
        LOGGER.atInfo()
                .addKeyValue("kafka", stack.kafkaBootstrap())
                .addKeyValue("redis", stack.redisUrl())
                .addKeyValue("mongodb", stack.mongoUri())
                .addKeyValue("startupMillis", stack.startupTime.toMillis())
                .log("development stack up");
        return stack;
    }

    /** {@code 127.0.0.1:<port>}. */
    public String kafkaBootstrap() {
        return kafka.bootstrapServers();
    }

    /** {@code redis://127.0.0.1:<port>}. */
    public String redisUrl() {
        return redis.url();
    }

    /** {@code mongodb://127.0.0.1:<port>}. */
    public String mongoUri() {
        return mongo.uri();
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public RedisServerProcess redis() {
        return redis;
    }

    public MongoWireServer mongo() {
        return mongo;
    }

    /** The directory holding all data and logs of the stack. */
    public Path dataDir() {
        return dataDir;
    }

    StackPorts ports() {
        return ports;
    }

    /** How long {@link #start(DevStackOptions)} took until all three parts answered. */
    public Duration startupTime() {
        return startupTime;
    }

    /**
     * Makes the JVM shutdown hook close {@code dependents} (the services using the stack) before the stack, so
     * they can flush and leave their groups while Kafka, Redis and MongoDB still answer.
     */
    public void closeFirstOnShutdown(AutoCloseable dependents) {
        this.dependents = dependents;
    }

    private void closeDependentsThenStack() {
        try {
            dependents.close();
        } catch (Exception e) {
            LOGGER.atWarn().setCause(e).log("services using the development stack did not stop cleanly");
        }
        close();
    }

    /** Stops Kafka, Redis and MongoDB, in that order. Idempotent; also run by a JVM shutdown hook. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        removeShutdownHook();
        runQuietly("kafka", kafka::stop);
        runQuietly("redis", redis::stop);
        runQuietly("mongodb", mongo::close);
        LOGGER.atInfo().addKeyValue("dataDir", dataDir).log("development stack stopped");
    }

    private void removeShutdownHook() {
        if (Thread.currentThread() == shutdownHook) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down; the hook may be running this very close() concurrently.
        }
    }

    private static void runQuietly(String part, Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            LOGGER.atWarn().addKeyValue("part", part).setCause(e).log("could not stop part of the development stack");
        }
    }

    private static <T> CompletableFuture<T> startAsync(String part, ExecutorService executor, Supplier<T> start) {
        return CompletableFuture.supplyAsync(
                () -> {
                    try {
                        return start.get();
                    } catch (DevStackException e) {
                        throw e;
                    } catch (RuntimeException e) {
                        throw new DevStackException(part + " failed to start: " + e.getMessage(), e);
                    }
                },
                executor);
    }

    private static void awaitPart(CompletableFuture<?> part, List<RuntimeException> failures) {
        try {
            part.join();
        } catch (CompletionException e) {
            failures.add(e.getCause() instanceof RuntimeException cause ? cause : e);
        }
    }

    private static void createDirectory(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + directory, e);
        }
    }

    private static Thread starterThread(Runnable runnable) {
        Thread thread = new Thread(runnable, "devstack-start-" + STARTER_COUNT.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    }
}
