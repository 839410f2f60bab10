package io.pushtech.common.config;

import java.nio.file.Path;
import java.util.List;

/** Settings every service reads: where the infrastructure is, the namespace, and the HTTP bind address. */
public final class CommonSettings {

    public static final Setting<String> KAFKA_BOOTSTRAP = Setting.text(
            "KAFKA_BOOTSTRAP",
            "127.0.0.1:9092",
            "Kafka bootstrap servers. Setting it makes `pushtech up` use external servers.");
    public static final Setting<String> REDIS_URL = Setting.text(
            "REDIS_URL",
            "redis://127.0.0.1:6379",
            "Redis URL of the tracker's stream. Setting it makes `pushtech up` use external servers.");
    public static final Setting<String> MONGO_URI = Setting.text(
            "MONGO_URI",
            "mongodb://127.0.0.1:27017",
            "MongoDB connection string. Setting it makes `pushtech up` use external servers.");
    public static final Setting<String> NAMESPACE = Setting.text(
            "PUSHTECH_NAMESPACE",
            "",
            "Prefix of topic names, Redis keys and the MongoDB database, to share servers between installations.");
    public static final Setting<String> HTTP_HOST =
            Setting.text("HTTP_HOST", "0.0.0.0", "Address the services' HTTP servers bind to.");
    public static final Setting<Integer> HTTP_MAX_BODY_BYTES = Setting.integer(
            "HTTP_MAX_BODY_BYTES", 1_048_576, 1024, 64 * 1_048_576, "Largest request body a service accepts.");
    public static final Setting<String> JWT_SECRET = Setting.text(
            "PUSHTECH_JWT_SECRET",
            "",
            "HS256 secret of bearer tokens. `pushtech up` generates one into the data directory when unset.");

    public static final Setting<Path> DATA_DIR = Setting.path(
            "PUSHTECH_DATA_DIR",
            ".pushtech",
            "Directory of local state: the embedded stack's data (Kafka, Redis, MongoDB), the tracker's journal, the dev token secret.");

    public static final List<Setting<?>> ALL = List.of(
            KAFKA_BOOTSTRAP, REDIS_URL, MONGO_URI, NAMESPACE, HTTP_HOST, HTTP_MAX_BODY_BYTES, JWT_SECRET, DATA_DIR);

    private CommonSettings() {}
}
