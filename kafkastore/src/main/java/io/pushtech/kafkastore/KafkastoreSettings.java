package io.pushtech.kafkastore;

import io.pushtech.common.config.Setting;
import java.nio.file.Path;
import java.util.List;

/** kafkastore's own settings. */
public final class KafkastoreSettings {

    public static final Setting<Integer> PORT =
            Setting.port("KAFKASTORE_PORT", 8082, "HTTP port of kafkastore (health, readiness, metrics).");
    public static final Setting<String> REDIS_URLS = Setting.text(
            "KAFKASTORE_REDIS_URLS",
            "",
            "Comma-separated Redis URLs of the trackers' streams to drain (one drainer thread each); unset means `REDIS_URL`.");
    public static final Setting<Integer> BATCH_SIZE =
            Setting.integer("KAFKASTORE_BATCH_SIZE", 500, 1, 10_000, "Stream entries read and produced per batch.");
    public static final Setting<Integer> MAX_IN_FLIGHT_BATCHES = Setting.integer(
            "KAFKASTORE_MAX_IN_FLIGHT_BATCHES",
            4,
            1,
            64,
            "Batches of a source sent to Kafka and not acknowledged yet, at most; reading waits beyond it.");
    public static final Setting<Integer> ENRICH_THREADS = Setting.integer(
            "KAFKASTORE_ENRICH_THREADS",
            0,
            0,
            256,
            "Threads that enrich each batch together (0: one per CPU core); the records keep the stream's order.");
    public static final Setting<String> CONSUMER_NAME = Setting.text(
            "KAFKASTORE_CONSUMER_NAME",
            "",
            "Name of this instance in the stream's consumer group; unset means the host name. Keep it stable across restarts.");
    public static final Setting<Integer> CLAIM_IDLE_MS = Setting.integer(
            "KAFKASTORE_CLAIM_IDLE_MS",
            60_000,
            100,
            86_400_000,
            "Entries pending this long with another consumer (crashed or stuck) are claimed back (`XAUTOCLAIM`).");
    public static final Setting<Integer> LINGER_MS = Setting.integer(
            "KAFKASTORE_LINGER_MS", 10, 0, 1000, "Producer `linger.ms`: how long a batch waits to fill.");
    public static final Setting<Integer> PRODUCER_BATCH_BYTES = Setting.integer(
            "KAFKASTORE_PRODUCER_BATCH_BYTES",
            131_072,
            1024,
            16_777_216,
            "Producer `batch.size`: bytes per partition batch.");
    public static final Setting<String> COMPRESSION = Setting.oneOf(
            "KAFKASTORE_COMPRESSION",
            "lz4",
            "Producer `compression.type`: `none`, `gzip`, `snappy`, `lz4` or `zstd`.",
            "none",
            "gzip",
            "snappy",
            "lz4",
            "zstd");
    public static final Setting<String> GEOIP_ENABLED = Setting.oneOf(
            "GEOIP_ENABLED",
            "true",
            "`false` turns GeoIP enrichment off (then no database is needed).",
            "true",
            "false");
    public static final Setting<Path> GEOIP_DATABASE = new Setting<>(
            "GEOIP_DATABASE",
            "~/.cache/pushtech/geoip/GeoLite2-City.mmdb",
            "GeoLite2 City database (fetched by `./pushtech up` and `./pushtech test`); missing is a start-up error.",
            KafkastoreSettings::homePath);
    public static final Setting<Integer> GEOIP_CACHE = Setting.integer(
            "KAFKASTORE_GEOIP_CACHE",
            100_000,
            1,
            10_000_000,
            "Client addresses whose location is kept in memory (Caffeine, least recently used out).");
    public static final Setting<String> DEVICE_DETECTION = Setting.oneOf(
            "KAFKASTORE_DEVICE_DETECTION",
            "true",
            "`false` turns device detection from the user agent off.",
            "true",
            "false");
    public static final Setting<Integer> USER_AGENT_CACHE = Setting.integer(
            "KAFKASTORE_USER_AGENT_CACHE",
            10_000,
            1,
            10_000_000,
            "Parsed user agents kept in memory (Caffeine, least recently used out).");
    public static final Setting<Integer> IPV4_PREFIX_BITS = Setting.integer(
            "KAFKASTORE_IPV4_PREFIX_BITS",
            24,
            0,
            32,
            "Leading bits of an IPv4 address kept in Kafka (24 zeroes the last octet).");
    public static final Setting<Integer> IPV6_PREFIX_BITS = Setting.integer(
            "KAFKASTORE_IPV6_PREFIX_BITS",
            48,
            0,
            128,
            "Leading bits of an IPv6 address kept in Kafka (48 zeroes the last 80).");
    public static final Setting<String> DENIED_PROPS = Setting.text(
            "KAFKASTORE_DENIED_PROPS",
            "email,phone",
            "Comma-separated event properties (case-insensitive) that never reach Kafka as they are.");
    public static final Setting<String> DENIED_PROPS_ACTION = Setting.oneOf(
            "KAFKASTORE_DENIED_PROPS_ACTION",
            "drop",
            "`drop` removes a denied property; `hash` replaces its value with `sha256:<hex>`.",
            "drop",
            "hash");

    public static final List<Setting<?>> ALL = List.of(
            PORT,
            REDIS_URLS,
            BATCH_SIZE,
            MAX_IN_FLIGHT_BATCHES,
            ENRICH_THREADS,
            CONSUMER_NAME,
            CLAIM_IDLE_MS,
            LINGER_MS,
            PRODUCER_BATCH_BYTES,
            COMPRESSION,
            GEOIP_ENABLED,
            GEOIP_DATABASE,
            GEOIP_CACHE,
            DEVICE_DETECTION,
            USER_AGENT_CACHE,
            IPV4_PREFIX_BITS,
            IPV6_PREFIX_BITS,
            DENIED_PROPS,
            DENIED_PROPS_ACTION);

    private KafkastoreSettings() {}

    /** A path in which a leading {@code ~/} is the user's home directory. */
    private static Path homePath(String text) {
        return text.startsWith("~/") ? Path.of(System.getProperty("user.home"), text.substring(2)) : Path.of(text);
    }
}
