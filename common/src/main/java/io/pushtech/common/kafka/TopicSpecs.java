package io.pushtech.common.kafka;

import io.pushtech.common.Namespace;
import io.pushtech.common.config.Setting;
import io.pushtech.common.config.Settings;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/** How the platform's topics are created: partitions and replication come from the settings. */
public final class TopicSpecs {

    public static final Setting<Integer> PARTITIONS = Setting.integer(
            "KAFKA_TOPIC_PARTITIONS",
            4,
            1,
            1024,
            "Partitions of the topics the platform creates (the unit of scale-out).");
    public static final Setting<Integer> REPLICATION = Setting.integer(
            "KAFKA_REPLICATION_FACTOR",
            1,
            1,
            7,
            "Replication factor of the topics the platform creates (3 in production).");

    public static final List<Setting<?>> SETTINGS = List.of(PARTITIONS, REPLICATION);

    private final Namespace namespace;
    private final int partitions;
    private final short replication;

    public TopicSpecs(Namespace namespace, int partitions, int replication) {
        this.namespace = namespace;
        this.partitions = partitions;
        this.replication = (short) replication;
    }

    public static TopicSpecs from(Namespace namespace, Settings settings) {
        return new TopicSpecs(namespace, settings.get(PARTITIONS), settings.get(REPLICATION));
    }

    /** A time-based topic, such as {@code events}. */
    public NewTopic log(String name) {
        return new NewTopic(namespace.topic(name), partitions, replication);
    }

    /** A compacted topic that keeps the latest value of each key, such as {@code locations}. */
    public NewTopic compacted(String name) {
        return log(name).configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
    }
}
