package io.pushtech.kafidx;

import io.pushtech.common.config.Setting;
import io.pushtech.common.config.Settings;
import io.pushtech.common.service.ServiceDefinition;
import io.pushtech.common.service.ServiceVerticle;
import java.util.List;

/** Registers kafidx with the platform. */
public final class KafidxDefinition implements ServiceDefinition {

    @Override
    public String name() {
        return KafidxVerticle.NAME;
    }

    @Override
    public Setting<Integer> port() {
        return KafidxSettings.PORT;
    }

    @Override
    public List<Setting<?>> settings() {
        return KafidxSettings.ALL;
    }

    @Override
    public ServiceVerticle create(Settings settings) {
        return new KafidxVerticle(KafidxConfig.from(settings));
    }
}
