package io.pushtech.platform;

import io.pushtech.common.config.CommonSettings;
import io.pushtech.common.config.Setting;
import io.pushtech.common.config.SettingsTable;
import io.pushtech.common.kafka.TopicSpecs;
import io.pushtech.common.service.ServiceDefinition;
import java.util.ArrayList;
import java.util.List;

/** Every setting of the platform, in the order the README's configuration table lists them. */
public final class ConfigurationTable {

    private ConfigurationTable() {}

    public static List<Setting<?>> allSettings() {
        List<Setting<?>> all = new ArrayList<>(CommonSettings.ALL);
        all.addAll(TopicSpecs.SETTINGS);
        all.addAll(PlatformSettings.ALL);
        for (ServiceDefinition service : Services.all()) {
            all.addAll(service.settings());
        }
        return all;
    }

    public static String markdown() {
        return SettingsTable.markdown(allSettings());
    }
}
