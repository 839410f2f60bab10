package io.pushtech.notifications;

import io.pushtech.common.config.Setting;
import io.pushtech.common.config.Settings;
import io.pushtech.common.service.ServiceDefinition;
import io.pushtech.common.service.ServiceVerticle;
import java.util.List;

/** Registers notifications with the platform. */
public final class NotificationsDefinition implements ServiceDefinition {

    @Override
    public String name() {
        return NotificationsVerticle.NAME;
    }

    @Override
    public Setting<Integer> port() {
        return NotificationsSettings.PORT;
    }

    @Override
    public List<Setting<?>> settings() {
        return NotificationsSettings.ALL;
    }

    @Override
    public ServiceVerticle create(Settings settings) {
        return new NotificationsVerticle(NotificationsConfig.from(settings));
    }
}
