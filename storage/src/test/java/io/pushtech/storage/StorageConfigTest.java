package io.pushtech.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pushtech.common.config.ConfigException;
import io.pushtech.common.config.Settings;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StorageConfigTest {

    @Test
    void refusesToStartWithoutATokenSecret() {
        // When / Then
        assertThatThrownBy(() -> StorageConfig.from(Settings.of(Map.of())))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("PUSHTECH_JWT_SECRET must be set");
    }

    @Test
    void keepsTheSecretOutOfItsText() {
        // Given
        String secret = "a-secret-of-more-than-thirty-two-characters";

        // When
        String text = StorageConfig.from(Settings.of(Map.of("PUSHTECH_JWT_SECRET", secret)))
                .toString();

        // Then
        assertThat(text).doesNotContain(secret);
    }
}
