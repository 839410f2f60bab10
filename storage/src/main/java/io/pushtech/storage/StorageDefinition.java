package io.pushtech.storage;

import io.pushtech.common.config.Setting;
import io.pushtech.common.config.Settings;
import io.pushtech.common.service.ServiceDefinition;
import io.pushtech.common.service.ServiceVerticle;
import java.util.List;

/** Registers storage with the platform. */
public final class StorageDefinition implements ServiceDefinition {

    @Override
    public String name() {
        return StorageVerticle.NAME;
    }

    @Override
    public Setting<Integer> port() {
        return StorageSettings.PORT;
    }

    @Override
    public List<Setting<?>> settings() {
        return StorageSettings.ALL;
    }

    @Override
    public ServiceVerticle create(Settings settings) {
        return new StorageVerticle(StorageConfig.from(settings));
    }
}
