package io.pushtech.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingTest {

    private static final Setting<Integer> PORT = Setting.port("SOME_PORT", 8081, "a port");

    @Test
    void usesDefaultWhenUnset() {
        // Given
        Settings settings = Settings.of(Map.of());

        // When
        int port = settings.get(PORT);

        // Then
        assertThat(port).isEqualTo(8081);
    }

    @Test
    void treatsBlankValueAsUnset() {
        // Given
        Settings settings = Settings.of(Map.of("SOME_PORT", "  "));

        // When
        int port = settings.get(PORT);

        // Then
        assertThat(port).isEqualTo(8081);
    }

    @Test
    void readsConfiguredValue() {
        // Given
        Settings settings = Settings.of(Map.of("SOME_PORT", "9000"));

        // When
        int port = settings.get(PORT);

        // Then
        assertThat(port).isEqualTo(9000);
    }

    @Test
    void rejectsValueOutOfRangeNamingTheVariable() {
        // Given
        Settings settings = Settings.of(Map.of("SOME_PORT", "70000"));

        // When / Then
        assertThatThrownBy(() -> settings.get(PORT))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("SOME_PORT='70000'")
                .hasMessageContaining("between 0 and 65535");
    }

    @Test
    void rejectsValueThatIsNotANumber() {
        // Given
        Settings settings = Settings.of(Map.of("SOME_PORT", "eighty"));

        // When / Then
        assertThatThrownBy(() -> settings.get(PORT))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("SOME_PORT");
    }

    @Test
    void overridesReplaceValuesOfTheSameName() {
        // Given
        Settings settings = Settings.of(Map.of("SOME_PORT", "9000"));

        // When
        Settings overridden = settings.with(Map.of("SOME_PORT", "9001"));

        // Then
        assertThat(overridden.get(PORT)).isEqualTo(9001);
        assertThat(settings.get(PORT)).isEqualTo(9000);
    }

    @Test
    void tableListsNameDefaultAndDescription() {
        // When
        String table = SettingsTable.markdown(java.util.List.of(PORT, Setting.text("UNSET_ONE", "", "no default")));

        // Then
        assertThat(table)
                .contains("| `SOME_PORT` | `8081` | a port |")
                .contains("| `UNSET_ONE` | (unset) | no default |");
    }
}
