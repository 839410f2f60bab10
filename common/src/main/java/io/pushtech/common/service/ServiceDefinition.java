package io.pushtech.common.service;

import io.pushtech.common.config.Setting;
import io.pushtech.common.config.Settings;
import java.util.List;

/** What the platform needs to know of a service: its name, its settings, and how to build it. */
public interface ServiceDefinition {

    String name();

    /** The setting of the service's HTTP port. */
    Setting<Integer> port();

    /** The service's own settings (the common ones are declared in {@code CommonSettings}). */
    List<Setting<?>> settings();

    /** Reads the service's configuration from {@code settings} and builds it (its composition root). */
    ServiceVerticle create(Settings settings);
}
