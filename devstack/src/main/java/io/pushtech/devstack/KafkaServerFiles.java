package io.pushtech.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The files of the Kafka broker under {@code dataDir/kafka}: {@code server.properties} for a single-node KRaft
 * broker and controller tuned for development, the child JVM's logging configuration, and the log directory.
 */
final class KafkaServerFiles {

    static final int NODE_ID = 1;

    // The classpath may carry logback (our services' binding); without this file the child would pick up a
    // logback-test.xml or logback's DEBUG default. Everything goes to stdout, which is the broker's log file.
    private static final String LOGBACK_XML =
            """
            <configuration>
              <appender name="STDOUT" class="ch.qos.logback.core.ConsoleAppender">
                <encoder><pattern>%d{ISO8601} %-5level [%thread] %logger{36} - %msg%n</pattern></encoder>
              </appender>
              <logger name="kafka.server.KafkaRaftServer" level="INFO"/>
              <logger name="kafka.server.BrokerServer" level="INFO"/>
              <logger name="kafka.server.ControllerServer" level="INFO"/>
              <root level="WARN"><appender-ref ref="STDOUT"/></root>
            </configuration>
            """;

    private final Path directory;
    private final int port;
    private final int controllerPort;

    KafkaServerFiles(Path directory, int port, int controllerPort) {
        this.directory = directory;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    Path serverProperties() {
        return directory.resolve("server.properties");
    }

    Path logbackXml() {
        return directory.resolve("logback.xml");
    }

    Path logDir() {
        return directory.resolve("data");
    }

    /** Whether the log directory was formatted by the storage tool (it then holds the cluster's identity). */
    boolean isFormatted() {
        return Files.isRegularFile(logDir().resolve("meta.properties"));
    }

    /** Writes the configuration for the current ports; the endpoints may differ from the previous run's. */
    void write() {
        try {
            Files.createDirectories(logDir());
            Files.writeString(serverProperties(), render(serverConfig()), StandardCharsets.UTF_8);
            Files.writeString(logbackXml(), LOGBACK_XML, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, String> serverConfig() {
        String host = FreePorts.LOOPBACK;
        Map<String, String> config = new LinkedHashMap<>();
        config.put("process.roles", "broker,controller");
        config.put("node.id", Integer.toString(NODE_ID));
        config.put("controller.quorum.voters", NODE_ID + "@" + host + ":" + controllerPort);
        config.put("listeners", "PLAINTEXT://" + host + ":" + port + ",CONTROLLER://" + host + ":" + controllerPort);
        config.put("advertised.listeners", "PLAINTEXT://" + host + ":" + port);
        config.put("controller.listener.names", "CONTROLLER");
        config.put("inter.broker.listener.name", "PLAINTEXT");
        config.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        config.put("log.dirs", logDir().toString());
        config.put("num.partitions", "4");
        config.put("default.replication.factor", "1");
        config.put("min.insync.replicas", "1");
        config.put("offsets.topic.replication.factor", "1");
        config.put("offsets.topic.num.partitions", "4");
        config.put("transaction.state.log.replication.factor", "1");
        config.put("transaction.state.log.min.isr", "1");
        config.put("share.coordinator.state.topic.replication.factor", "1");
        config.put("share.coordinator.state.topic.min.isr", "1");
        config.put("group.initial.rebalance.delay.ms", "0");
        // After a kill the controller refuses the restarted broker's registration until the old session expires
        // (9 s by default); a short session makes a crashed broker usable again about 6 s sooner.
        config.put("broker.heartbeat.interval.ms", "500");
        config.put("broker.session.timeout.ms", "3000");
        return config;
    }

    private static String render(Map<String, String> config) {
        return config.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue().replace("\\", "\\\\"))
                .collect(Collectors.joining("\n", "# written by devstack at every start\n", "\n"));
    }
}
