package io.pushtech.notifications.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void delayDoublesUpToTheCapAtTheTopOfTheJitter() {
        // Given
        Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(4), () -> 0.999999);

        // Then
        assertThat(backoff.delay(1, Optional.empty())).isEqualTo(Duration.ofMillis(499));
        assertThat(backoff.delay(2, Optional.empty())).isEqualTo(Duration.ofMillis(999));
        assertThat(backoff.delay(3, Optional.empty())).isEqualTo(Duration.ofMillis(1999));
        assertThat(backoff.delay(10, Optional.empty())).isEqualTo(Duration.ofMillis(3999));
    }

    @Test
    void jitterSpreadsRetriesBetweenZeroAndTheCeiling() {
        // Given
        Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(4), () -> 0.5);

        // Then
        assertThat(backoff.delay(3, Optional.empty())).isEqualTo(Duration.ofMillis(1000));
    }

    @Test
    void retryAfterIsHonouredEvenAboveTheCap() {
        // Given
        Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(4), () -> 0.1);

        // Then
        assertThat(backoff.delay(1, Optional.of(Duration.ofSeconds(30)))).isEqualTo(Duration.ofSeconds(30));
    }
}
