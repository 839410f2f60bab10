package io.pushtech.kafkastore;

import io.pushtech.common.config.Setting;
import java.util.List;

/** kafkastore's own settings. */
public final class KafkastoreSettings {

    public static final Setting<Integer> PORT =
            Setting.port("KAFKASTORE_PORT", 8082, "HTTP port of kafkastore (health, readiness, metrics).");
    public static final Setting<Integer> BATCH_SIZE =
            Setting.integer("KAFKASTORE_BATCH_SIZE", 500, 1, 10_000, "Stream entries read and produced per batch.");
    public static final Setting<String> CONSUMER_NAME = Setting.text(
            "KAFKASTORE_CONSUMER_NAME",
            "",
            "Name of this instance in the stream's consumer group; unset means the host name. Keep it stable across restarts.");

    public static final List<Setting<?>> ALL = List.of(PORT, BATCH_SIZE, CONSUMER_NAME);

    private KafkastoreSettings() {}
}
