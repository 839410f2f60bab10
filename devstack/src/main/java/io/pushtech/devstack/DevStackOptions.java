package io.pushtech.devstack;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;

/**
 * Where the development stack keeps its data and which ports it listens on; a port of 0 means "a free one"
 * (the one used last time in this data directory when it is still free).
 *
 * @param dataDir   the directory holding all data and logs of the stack, made absolute
 * @param kafkaPort the Kafka client port, or 0
 * @param redisPort the Redis port, or 0
 * @param mongoPort the MongoDB-wire port, or 0
 * @param redisAppendFsync when Redis fsyncs its append-only file: {@code everysec} (may lose the last second of
 *     writes if the machine fails) or {@code always} (after every write: nothing lost, every write slower)
 * @param mongoInMemory whether the MongoDB-wire server keeps its databases in memory only (lost at close) instead
 *     of in its H2 file: for benchmarks that load more documents than the H2 store writes in reasonable time
 */
public record DevStackOptions(
        Path dataDir, int kafkaPort, int redisPort, int mongoPort, String redisAppendFsync, boolean mongoInMemory) {

    private static final int MAX_PORT = 65_535;
    private static final Set<String> FSYNC_POLICIES = Set.of("everysec", "always");

    public DevStackOptions {
        Objects.requireNonNull(dataDir, "dataDir");
        dataDir = dataDir.toAbsolutePath().normalize();
        requirePort("kafka", kafkaPort);
        requirePort("redis", redisPort);
        requirePort("mongodb", mongoPort);
        if (!FSYNC_POLICIES.contains(redisAppendFsync)) {
            throw new IllegalArgumentException("redis appendfsync must be one of " + FSYNC_POLICIES);
        }
    }

    /** Options with MongoDB stored in its H2 file. */
    public DevStackOptions(Path dataDir, int kafkaPort, int redisPort, int mongoPort, String redisAppendFsync) {
        this(dataDir, kafkaPort, redisPort, mongoPort, redisAppendFsync, false);
    }

    /** Options with Redis fsyncing its append-only file every second. */
    public DevStackOptions(Path dataDir, int kafkaPort, int redisPort, int mongoPort) {
        this(dataDir, kafkaPort, redisPort, mongoPort, "everysec");
    }

    /** Options for a stack in {@code dataDir} on free ports. */
    public static DevStackOptions inDirectory(Path dataDir) {
        return new DevStackOptions(dataDir, 0, 0, 0);
    }

    /** These options with MongoDB's databases in memory only. */
    public DevStackOptions withMongoInMemory() {
        return new DevStackOptions(dataDir, kafkaPort, redisPort, mongoPort, redisAppendFsync, true);
    }

    private static void requirePort(String part, int port) {
        if (port < 0 || port > MAX_PORT) {
            throw new IllegalArgumentException(part + " port " + port + " is not between 0 and " + MAX_PORT);
        }
    }
}
