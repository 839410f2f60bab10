package io.pushtech.tracker;

import io.pushtech.common.config.Setting;
import io.pushtech.common.config.Settings;
import io.pushtech.common.service.ServiceDefinition;
import io.pushtech.common.service.ServiceVerticle;
import java.util.List;

/** Registers the tracker with the platform. */
public final class TrackerDefinition implements ServiceDefinition {

    @Override
    public String name() {
        return TrackerVerticle.NAME;
    }

    @Override
    public Setting<Integer> port() {
        return TrackerSettings.PORT;
    }

    @Override
    public List<Setting<?>> settings() {
        return TrackerSettings.ALL;
    }

    @Override
    public ServiceVerticle create(Settings settings) {
        return new TrackerVerticle(TrackerConfig.from(settings));
    }
}
