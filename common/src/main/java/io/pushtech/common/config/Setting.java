package io.pushtech.common.config;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * One configuration key, declared once: its environment variable name, default, description and the
 * parser that checks its value. The README's configuration table is generated from these declarations.
 *
 * @param name environment variable name
 * @param defaultValue value used when the variable is unset, as it would be written in the environment
 * @param description one line for the configuration table
 * @param parser turns the text into a typed value; throws {@link IllegalArgumentException} to reject it
 */
public record Setting<T>(String name, String defaultValue, String description, Function<String, T> parser) {

    public static Setting<String> text(String name, String defaultValue, String description) {
        return new Setting<>(name, defaultValue, description, Function.identity());
    }

    public static Setting<Integer> port(String name, int defaultValue, String description) {
        return integer(name, defaultValue, 0, 65_535, description);
    }

    public static Setting<Integer> integer(String name, int defaultValue, int min, int max, String description) {
        return new Setting<>(name, Integer.toString(defaultValue), description, text -> {
            int value = Integer.parseInt(text);
            if (value < min || value > max) {
                throw new IllegalArgumentException("must be between " + min + " and " + max);
            }
            return value;
        });
    }

    /** A value that must be one of {@code choices}. */
    public static Setting<String> oneOf(String name, String defaultValue, String description, String... choices) {
        List<String> allowed = List.of(choices);
        return new Setting<>(name, defaultValue, description, text -> {
            if (!allowed.contains(text)) {
                throw new IllegalArgumentException("must be one of " + String.join(", ", allowed));
            }
            return text;
        });
    }

    public static Setting<Path> path(String name, String defaultValue, String description) {
        return new Setting<>(name, defaultValue, description, Path::of);
    }

    /** The configured value, or the default when unset. */
    public T from(Settings settings) {
        String text = settings.raw(name).orElse(defaultValue);
        try {
            return parser.apply(text);
        } catch (RuntimeException e) {
            throw new ConfigException(name + "='" + text + "' is not valid: " + e.getMessage());
        }
    }
}
