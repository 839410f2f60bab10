package io.pushtech.devstack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real {@code redis-server} child process with an append-only file (fsynced every second or at every write), bound to 127.0.0.1
 * and keeping its data in {@code dataDir/redis}. Tests may stop, kill and restart it; it keeps its port and data.
 * Thread-safe: the lifecycle methods are synchronized.
 */
public final class RedisServerProcess {

    private static final Logger LOGGER = LoggerFactory.getLogger(RedisServerProcess.class);
    private static final String PART = "redis";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);
    private static final int PROBE_TIMEOUT_MILLIS = 1_000;

    private final Path directory;
    private final Path logFile;
    private final int port;
    private final String appendFsync;
    private ChildProcess process;
    private boolean logFileStarted;

    RedisServerProcess(Path dataDir, int port, String appendFsync) {
        this.directory = dataDir.resolve("redis");
        this.logFile = dataDir.resolve("logs").resolve("redis.log");
        this.port = port;
        this.appendFsync = appendFsync;
    }

    /**
     * A redis-server on its own, on a free port, for a measurement that needs nothing else of the stack (the
     * other parts would compete for the CPU). Not started yet: call {@link #start()}, and {@link #stop()} after.
     */
    public static RedisServerProcess alone(Path dataDir, String appendFsync) {
        return new RedisServerProcess(dataDir, FreePorts.pick(Set.of()), appendFsync);
    }

    /**
     * Starts redis-server on its port with its data and blocks until it answers PING (after loading its
     * append-only file); does nothing when it is already running. Tests that stop or kill it call this before
     * they end.
     */
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        Path config = writeConfig();
        Path binary = RedisBinary.locate();
        process = ProcessLauncher.launch(PART, List.of(binary.toString(), config.toString()), logFile, logFileStarted);
        logFileStarted = true;
        Readiness.await(PART, Optional.of(process), logFile.toString(), START_TIMEOUT, this::answersPing);
        LOGGER.atInfo()
                .addKeyValue("port", port)
                .addKeyValue("pid", process.pid())
                .log("redis server up");
    }

    /** Stops redis-server gracefully (SIGTERM: it fsyncs the append-only file). Tests that call this restart it with {@link #start()}. */
    public synchronized void stop() {
        if (isRunning()) {
            process.stop(STOP_GRACE);
            LOGGER.atInfo().addKeyValue("port", port).log("redis server stopped");
        }
    }

    /** Kills redis-server (SIGKILL), as a crash would. Tests that call this restart it with {@link #start()}. */
    public synchronized void kill() {
        if (isRunning()) {
            process.kill();
            LOGGER.atInfo().addKeyValue("port", port).log("redis server killed");
        }
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** {@code redis://127.0.0.1:<port>}. */
    public String url() {
        return "redis://" + FreePorts.LOOPBACK + ":" + port;
    }

    public int port() {
        return port;
    }

    /** The server's stdout and stderr. */
    public Path logFile() {
        return logFile;
    }

    synchronized Optional<Long> pid() {
        return isRunning() ? Optional.of(process.pid()) : Optional.empty();
    }

    /**
     * The stream is drained as it fills, so the append-only file is almost all history and Redis would rewrite it
     * each time it grew by its default 64 MB: under load every second or two, each rewrite ending with a write
     * that blocks Redis (6.2) for tens of milliseconds. Rewriting at 1 GB makes that rare, for about 1 GB of disk.
     */
    private static final String AOF_REWRITE_MIN_SIZE = "1gb";

    private Path writeConfig() {
        String config = String.join(
                "\n",
                "# written by devstack at every start",
                "port " + port,
                "bind " + FreePorts.LOOPBACK,
                "dir " + quoted(directory.toString()),
                "daemonize no",
                "logfile \"\"",
                "appendonly yes",
                "appendfsync " + appendFsync,
                "auto-aof-rewrite-min-size " + AOF_REWRITE_MIN_SIZE,
                "save \"\"",
                "");
        Path file = directory.resolve("redis.conf");
        try {
            Files.createDirectories(directory);
            Files.createDirectories(logFile.getParent());
            Files.writeString(file, config, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private static String quoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private boolean answersPing() throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(FreePorts.LOOPBACK, port), PROBE_TIMEOUT_MILLIS);
            socket.setSoTimeout(PROBE_TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            return "+PONG".equals(in.readLine());
        }
    }
}
