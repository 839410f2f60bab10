package io.pushtech.devstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Apache Kafka broker in KRaft mode (broker and controller in one process), run as a child JVM
 * ({@link KafkaServerMain}) from the Kafka jars on this JVM's classpath. Tests may stop, kill and restart it; it
 * keeps its ports and data. Thread-safe: the lifecycle methods are synchronized.
 */
public final class KafkaBroker {

    private static final Logger LOGGER = LoggerFactory.getLogger(KafkaBroker.class);
    private static final String PART = "kafka";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final int PROBE_TIMEOUT_MILLIS = 5_000;
    // Measured on 2 cores: C1 only starts the broker in ~3.1 s instead of ~4.0 s, while producing 1M records
    // with lz4 took about the same time (1.0 s vs 1.2 s); a development broker is started far more often than
    // it is pushed to its limits.
    private static final List<String> JVM_OPTIONS = List.of(
            "-Xms128m",
            "-Xmx768m",
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-XX:+ExitOnOutOfMemoryError",
            "-Djava.awt.headless=true");

    private final KafkaServerFiles files;
    private final Path logFile;
    private final int port;
    private ChildProcess process;
    private boolean logFileStarted;

    KafkaBroker(Path dataDir, int port, int controllerPort) {
        this.files = new KafkaServerFiles(dataDir.resolve("kafka"), port, controllerPort);
        this.logFile = dataDir.resolve("logs").resolve("kafka.log");
        this.port = port;
    }

    /**
     * Starts the broker on its ports with its data and blocks until it answers a cluster description; does
     * nothing when it is already running. Tests that stop or kill the broker call this before they end.
     */
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        files.write();
        List<String> arguments =
                new ArrayList<>(List.of(files.serverProperties().toString()));
        if (!files.isFormatted()) {
            String clusterId = Uuid.randomUuid().toString();
            arguments.add(clusterId);
            LOGGER.atInfo().addKeyValue("clusterId", clusterId).log("formatting the kafka log directory");
        }
        process = ProcessLauncher.launch(PART, javaCommand(arguments), logFile, logFileStarted);
        logFileStarted = true;
        Readiness.await(PART, Optional.of(process), logFile.toString(), START_TIMEOUT, this::answers);
        LOGGER.atInfo()
                .addKeyValue("port", port)
                .addKeyValue("pid", process.pid())
                .log("kafka broker up");
    }

    /** Stops the broker gracefully (SIGTERM, controlled shutdown). Tests that call this restart it with {@link #start()}. */
    public synchronized void stop() {
        if (isRunning()) {
            process.stop(ChildProcess.DEFAULT_GRACE);
            LOGGER.atInfo().addKeyValue("port", port).log("kafka broker stopped");
        }
    }

    /** Kills the broker (SIGKILL), as a crash would. Tests that call this restart it with {@link #start()}. */
    public synchronized void kill() {
        if (isRunning()) {
            process.kill();
            LOGGER.atInfo().addKeyValue("port", port).log("kafka broker killed");
        }
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** {@code 127.0.0.1:<port>}, for the {@code bootstrap.servers} of clients. */
    public String bootstrapServers() {
        return FreePorts.LOOPBACK + ":" + port;
    }

    public int port() {
        return port;
    }

    /** The broker's stdout and stderr. */
    public Path logFile() {
        return logFile;
    }

    synchronized Optional<Long> pid() {
        return isRunning() ? Optional.of(process.pid()) : Optional.empty();
    }

    private boolean answers() throws Exception {
        if (!FreePorts.accepts(port)) {
            return false;
        }
        // Only once the listener accepts: an admin client connecting earlier logs a warning per attempt.
        Admin admin = Admin.create(probeConfig());
        try {
            return !admin.describeCluster(new DescribeClusterOptions().timeoutMs(PROBE_TIMEOUT_MILLIS))
                    .nodes()
                    .get(PROBE_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)
                    .isEmpty();
        } finally {
            admin.close(Duration.ofMillis(PROBE_TIMEOUT_MILLIS));
        }
    }

    private Map<String, Object> probeConfig() {
        return Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers(),
                AdminClientConfig.CLIENT_ID_CONFIG,
                "devstack-readiness",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                PROBE_TIMEOUT_MILLIS,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                PROBE_TIMEOUT_MILLIS);
    }

    private List<String> javaCommand(List<String> arguments) {
        List<String> options = new ArrayList<>(JVM_OPTIONS);
        options.add("-Dlogback.configurationFile=" + files.logbackXml());
        return JavaCommand.of(options, KafkaServerMain.class.getName(), arguments);
    }
}
