package io.pushtech.storage;

import io.pushtech.common.config.Setting;
import java.util.List;

/** storage's own settings. */
public final class StorageSettings {

    public static final Setting<Integer> PORT =
            Setting.port("STORAGE_PORT", 8083, "HTTP port of storage (the /store API).");
    public static final Setting<Integer> MONGO_WORKERS =
            Setting.integer("STORAGE_MONGO_WORKERS", 16, 1, 512, "Worker threads serving API reads from MongoDB.");

    public static final Setting<Integer> WRITE_WAIT_MILLIS = Setting.integer(
            "STORAGE_WRITE_WAIT_MS",
            2000,
            0,
            60_000,
            "How long a write waits for its change to be materialized before it answers 202 instead of 201.");

    public static final Setting<Integer> EVENT_LOOPS = Setting.integer(
            "STORAGE_EVENT_LOOPS", 0, 0, 256, "Event loops serving HTTP requests (0: one per CPU core).");

    public static final List<Setting<?>> ALL = List.of(PORT, MONGO_WORKERS, WRITE_WAIT_MILLIS, EVENT_LOOPS);

    private StorageSettings() {}
}
