package io.pushtech.storage;

import io.pushtech.common.config.Setting;
import java.util.List;

/** storage's own settings. */
public final class StorageSettings {

    public static final Setting<Integer> PORT =
            Setting.port("STORAGE_PORT", 8083, "HTTP port of storage (the /store API).");
    public static final Setting<Integer> MONGO_WORKERS =
            Setting.integer("STORAGE_MONGO_WORKERS", 16, 1, 512, "Worker threads serving API reads from MongoDB.");

    public static final List<Setting<?>> ALL = List.of(PORT, MONGO_WORKERS);

    private StorageSettings() {}
}
