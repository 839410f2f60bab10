package io.pushtech.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's configuration table is the one the settings declare (regenerate it with {@code ./pushtech config}). */
class ReadmeTest {

    @Test
    void readmeShowsTheDeclaredConfigurationTable() throws Exception {
        // Given
        String readme = Files.readString(Path.of("..", "README.md"));

        // Then
        assertThat(readme).contains(ConfigurationTable.markdown());
    }

    @Test
    void readmeStartsWithTheTwoCommands() throws Exception {
        // Given
        String readme = Files.readString(Path.of("..", "README.md"));

        // Then
        assertThat(readme.indexOf("./pushtech up")).isPositive().isLessThan(readme.indexOf("## Configuration"));
        assertThat(readme.indexOf("./pushtech test")).isPositive().isLessThan(readme.indexOf("## Configuration"));
    }
}
