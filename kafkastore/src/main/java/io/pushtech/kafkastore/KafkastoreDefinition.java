package io.pushtech.kafkastore;

import io.pushtech.common.config.Setting;
import io.pushtech.common.config.Settings;
import io.pushtech.common.service.ServiceDefinition;
import io.pushtech.common.service.ServiceVerticle;
import java.util.List;

/** Registers kafkastore with the platform. */
public final class KafkastoreDefinition implements ServiceDefinition {

    @Override
    public String name() {
        return KafkastoreVerticle.NAME;
    }

    @Override
    public Setting<Integer> port() {
        return KafkastoreSettings.PORT;
    }

    @Override
    public List<Setting<?>> settings() {
        return KafkastoreSettings.ALL;
    }

    @Override
    public ServiceVerticle create(Settings settings) {
        return new KafkastoreVerticle(KafkastoreConfig.from(settings));
    }
}
