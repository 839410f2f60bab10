package io.pushtech.kafkastore.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PropertyFilterTest {

    private final Map<String, Object> props = Map.of("Email", "a@b.c", "phone", "+49 30 1234", "page", "/home");

    @Test
    void deniedPropertiesAreDroppedWhateverTheirCase() {
        // Given
        PropertyFilter filter = new PropertyFilter(Set.of("email", "PHONE"), PropertyFilter.Action.DROP);

        // When
        Map<String, Object> kept = filter.filter(props);

        // Then
        assertThat(kept).containsExactly(Map.entry("page", "/home"));
    }

    @Test
    void eventsWithoutDeniedPropertiesKeepTheirs() {
        // Given
        PropertyFilter filter = new PropertyFilter(Set.of("ssn"), PropertyFilter.Action.DROP);

        // When
        Map<String, Object> kept = filter.filter(props);

        // Then
        assertThat(kept).isEqualTo(props);
    }

    @Test
    void deniedPropertiesCanBeHashedInstead() {
        // Given
        PropertyFilter filter = new PropertyFilter(Set.of("email"), PropertyFilter.Action.HASH);

        // When
        Map<String, Object> kept = filter.filter(props);

        // Then
        assertThat(kept)
                .containsEntry("Email", "sha256:d648b243a3e817eaa3309e00e183483f2867baadf522099f0c2121770536b25a")
                .containsEntry("phone", "+49 30 1234")
                .containsEntry("page", "/home");
    }
}
