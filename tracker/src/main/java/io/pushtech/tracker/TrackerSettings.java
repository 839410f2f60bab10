package io.pushtech.tracker;

import io.pushtech.common.config.Setting;
import java.util.List;

/** The tracker's own settings. */
public final class TrackerSettings {

    public static final Setting<Integer> PORT = Setting.port("TRACKER_PORT", 8081, "HTTP port of the tracker.");
    public static final Setting<String> CORS_ORIGINS = Setting.text(
            "TRACKER_CORS_ORIGINS", "*", "Browser origins allowed to send events (comma-separated), or `*` for any.");
    public static final Setting<String> TRUSTED_PROXIES = Setting.text(
            "TRACKER_TRUSTED_PROXIES",
            "",
            "Proxies whose `X-Forwarded-For` is believed (comma-separated addresses or CIDR networks).");
    public static final Setting<Integer> RATE_PER_ADDRESS = Setting.integer(
            "TRACKER_RATE_PER_ADDRESS", 200, 0, 1_000_000, "Requests per second per client address (0: no limit).");
    public static final Setting<Integer> RATE_PER_DEVICE = Setting.integer(
            "TRACKER_RATE_PER_DEVICE", 50, 0, 1_000_000, "Requests per second per device id (0: no limit).");
    public static final Setting<Integer> RATE_BURST_SECONDS = Setting.integer(
            "TRACKER_RATE_BURST_SECONDS",
            5,
            1,
            3600,
            "Seconds of the rate a client may spend at once (token bucket size).");
    public static final Setting<Integer> MAX_EVENT_BYTES =
            Setting.integer("TRACKER_MAX_EVENT_BYTES", 16_384, 256, 1_048_576, "Largest event, in bytes of JSON.");
    public static final Setting<Integer> MAX_BATCH_EVENTS =
            Setting.integer("TRACKER_MAX_BATCH_EVENTS", 1000, 1, 100_000, "Most events in one `POST /t/batch`.");
    public static final Setting<Integer> MAX_EVENT_AGE_DAYS = Setting.integer(
            "TRACKER_MAX_EVENT_AGE_DAYS",
            30,
            1,
            3650,
            "Oldest event time accepted, in days before now (offline phones).");
    public static final Setting<Integer> CLOCK_SKEW_THRESHOLD_SECONDS = Setting.integer(
            "TRACKER_CLOCK_SKEW_THRESHOLD_SECONDS",
            60,
            0,
            86_400,
            "A client clock off by more than this (receive time minus `sentAt`) has its event times corrected.");
    public static final Setting<Integer> REDIS_TIMEOUT_MILLIS = Setting.integer(
            "TRACKER_REDIS_TIMEOUT_MILLIS", 1000, 50, 60_000, "A Redis write slower than this counts as failed.");
    public static final Setting<Integer> QUEUE_CAPACITY = Setting.integer(
            "TRACKER_QUEUE_CAPACITY",
            20_000,
            100,
            1_000_000,
            "Requests that may wait for the Redis writer before `503`.");

    public static final Setting<Integer> REQUEST_TIMEOUT_MILLIS = Setting.integer(
            "TRACKER_REQUEST_TIMEOUT_MILLIS",
            10_000,
            100,
            600_000,
            "A request whose body has not fully arrived after this (a slow or stalled client) is answered `408`.");
    public static final Setting<Integer> EVENT_LOOPS = Setting.integer(
            "TRACKER_EVENT_LOOPS", 0, 0, 256, "Event loops serving HTTP requests (0: one per CPU core).");
    public static final Setting<String> JOURNAL_DIR = Setting.text(
            "TRACKER_JOURNAL_DIR",
            "",
            "Directory of the journal that keeps accepted events while Redis is unreachable; unset: `tracker-journal` in `PUSHTECH_DATA_DIR`.");
    public static final Setting<Integer> JOURNAL_MAX_MB = Setting.integer(
            "TRACKER_JOURNAL_MAX_MB",
            1024,
            1,
            1_048_576,
            "Size of the journal; when it is full the tracker answers `503`.");

    public static final List<Setting<?>> ALL = List.of(
            PORT,
            CORS_ORIGINS,
            TRUSTED_PROXIES,
            RATE_PER_ADDRESS,
            RATE_PER_DEVICE,
            RATE_BURST_SECONDS,
            MAX_EVENT_BYTES,
            MAX_BATCH_EVENTS,
            MAX_EVENT_AGE_DAYS,
            CLOCK_SKEW_THRESHOLD_SECONDS,
            REDIS_TIMEOUT_MILLIS,
            QUEUE_CAPACITY,
            REQUEST_TIMEOUT_MILLIS,
            EVENT_LOOPS,
            JOURNAL_DIR,
            JOURNAL_MAX_MB);

    private TrackerSettings() {}
}
