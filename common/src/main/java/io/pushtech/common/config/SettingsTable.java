package io.pushtech.common.config;

import java.util.List;
import java.util.stream.Collectors;

/** Renders settings as the Markdown table the README shows. */
public final class SettingsTable {

    private SettingsTable() {}

    public static String markdown(List<Setting<?>> settings) {
        String rows = settings.stream()
                .map(s -> "| `" + s.name() + "` | " + defaultCell(s) + " | " + s.description() + " |")
                .collect(Collectors.joining("\n"));
        return "| variable | default | meaning |\n|---|---|---|\n" + rows + "\n";
    }

    private static String defaultCell(Setting<?> setting) {
        return setting.defaultValue().isEmpty() ? "(unset)" : "`" + setting.defaultValue() + "`";
    }
}
