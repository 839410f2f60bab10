package io.pushtech.devstack;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;

/**
 * The ports a stack listens on, chosen before anything starts: a configured port must be free, otherwise the
 * port remembered from the last run in the same data directory is reused when free, otherwise a free one is
 * picked. Reusing ports keeps the addresses stable for external clients across restarts.
 *
 * @param kafka           the Kafka client port
 * @param kafkaController the KRaft controller port
 * @param redis           the Redis port
 * @param mongo           the MongoDB-wire port
 */
record StackPorts(int kafka, int kafkaController, int redis, int mongo) {

    static final String FILE_NAME = "ports.properties";

    /** Chooses the ports for {@code options}; throws {@link IllegalStateException} if a configured port is taken. */
    static StackPorts choose(DevStackOptions options) {
        Set<Integer> taken = new HashSet<>();
        requireFree("kafka", options.kafkaPort(), taken);
        requireFree("redis", options.redisPort(), taken);
        requireFree("mongodb", options.mongoPort(), taken);
        Properties remembered = read(options.dataDir().resolve(FILE_NAME));
        int kafka = orRemembered(options.kafkaPort(), remembered, "kafka", taken);
        int controller = orRemembered(0, remembered, "kafka.controller", taken);
        int redis = orRemembered(options.redisPort(), remembered, "redis", taken);
        int mongo = orRemembered(options.mongoPort(), remembered, "mongodb", taken);
        return new StackPorts(kafka, controller, redis, mongo);
    }

    /** Whether a server could bind each of these ports now. */
    boolean allFree() {
        return FreePorts.isFree(kafka)
                && FreePorts.isFree(kafkaController)
                && FreePorts.isFree(redis)
                && FreePorts.isFree(mongo);
    }

    /** Writes these ports to the data directory so the next run can reuse them. */
    void remember(Path dataDir) {
        Properties properties = new Properties();
        properties.setProperty("kafka", Integer.toString(kafka));
        properties.setProperty("kafka.controller", Integer.toString(kafkaController));
        properties.setProperty("redis", Integer.toString(redis));
        properties.setProperty("mongodb", Integer.toString(mongo));
        try (Writer writer = Files.newBufferedWriter(dataDir.resolve(FILE_NAME), StandardCharsets.UTF_8)) {
            properties.store(writer, "ports of the last run, reused when free");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void requireFree(String part, int port, Set<Integer> taken) {
        if (port == 0) {
            return;
        }
        if (!taken.add(port)) {
            throw new IllegalStateException(part + " port " + port + " is configured for another part too");
        }
        if (!FreePorts.isFree(port)) {
            throw new IllegalStateException(part + " port " + port + " is already in use");
        }
    }

    private static int orRemembered(int configured, Properties remembered, String key, Set<Integer> taken) {
        if (configured != 0) {
            return configured;
        }
        int port = parsePort(remembered.getProperty(key));
        if (port == 0 || taken.contains(port) || !FreePorts.isFree(port)) {
            port = FreePorts.pick(taken);
        }
        taken.add(port);
        return port;
    }

    private static int parsePort(String value) {
        try {
            int port = value == null ? 0 : Integer.parseInt(value.trim());
            return port > 0 && port <= 65_535 ? port : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Properties read(Path file) {
        Properties properties = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return properties;
    }
}
