package io.pushtech.platform;

import io.pushtech.common.config.Setting;
import java.util.List;

/** Settings of the {@code pushtech} command itself: the embedded stack and logging. */
public final class PlatformSettings {

    public static final Setting<Integer> KAFKA_PORT =
            Setting.port("PUSHTECH_KAFKA_PORT", 0, "Port of the embedded Kafka broker; 0 picks a free one.");
    public static final Setting<Integer> REDIS_PORT =
            Setting.port("PUSHTECH_REDIS_PORT", 0, "Port of the embedded redis-server; 0 picks a free one.");
    public static final Setting<Integer> MONGO_PORT =
            Setting.port("PUSHTECH_MONGO_PORT", 0, "Port of the embedded MongoDB-wire server; 0 picks a free one.");
    public static final Setting<String> REDIS_APPENDFSYNC = Setting.oneOf(
            "PUSHTECH_REDIS_APPENDFSYNC",
            "everysec",
            "When the embedded Redis fsyncs its append-only file: `everysec` or `always` (see Durability).",
            "everysec",
            "always");
    public static final Setting<String> LOG_FORMAT = Setting.oneOf(
            "PUSHTECH_LOG_FORMAT", "text", "`text`, or `json` for one JSON object per log line.", "text", "json");
    public static final Setting<String> LOG_LEVEL = Setting.oneOf(
            "PUSHTECH_LOG_LEVEL",
            "INFO",
            "Level of the platform's own loggers.",
            "TRACE",
            "DEBUG",
            "INFO",
            "WARN",
            "ERROR");
    public static final Setting<String> JAVA_OPTS =
            Setting.text("PUSHTECH_JAVA_OPTS", "", "Extra JVM options the `pushtech` script passes to java.");

    public static final List<Setting<?>> ALL =
            List.of(KAFKA_PORT, REDIS_PORT, MONGO_PORT, REDIS_APPENDFSYNC, LOG_FORMAT, LOG_LEVEL, JAVA_OPTS);

    private PlatformSettings() {}
}
