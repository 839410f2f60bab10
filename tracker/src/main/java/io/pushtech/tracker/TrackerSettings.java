package io.pushtech.tracker;

import io.pushtech.common.config.Setting;
import java.util.List;

/** The tracker's own settings. */
public final class TrackerSettings {

    public static final Setting<Integer> PORT = Setting.port("TRACKER_PORT", 8081, "HTTP port of the tracker.");
    public static final Setting<Integer> REDIS_WORKERS = Setting.integer(
            "TRACKER_REDIS_WORKERS", 16, 1, 512, "Threads (and Redis connections) that append events to the stream.");

    public static final List<Setting<?>> ALL = List.of(PORT, REDIS_WORKERS);

    private TrackerSettings() {}
}
