package io.pushtech.common.config;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The raw configuration a process runs with: environment variables, optionally overlaid with values
 * the platform decides itself (such as the embedded stack's addresses). Immutable.
 */
public final class Settings {

    private final Map<String, String> values;

    private Settings(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    public static Settings fromEnvironment() {
        return new Settings(System.getenv());
    }

    public static Settings of(Map<String, String> values) {
        return new Settings(values);
    }

    /** A copy in which {@code overrides} replace the values of the same names. */
    public Settings with(Map<String, String> overrides) {
        Map<String, String> merged = new HashMap<>(values);
        merged.putAll(overrides);
        return new Settings(merged);
    }

    /** The value set for {@code name}, if any; a blank value counts as unset. */
    public Optional<String> raw(String name) {
        return Optional.ofNullable(values.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }

    public <T> T get(Setting<T> setting) {
        return setting.from(this);
    }
}
