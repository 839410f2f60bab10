package io.pushtech.kafidx.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ThrottleTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void letsASecondsWorthThroughAtOnceAndCountsTheRest() {
        // Given
        Throttle throttle = new Throttle(10);

        // When
        int admitted = 0;
        for (int i = 0; i < 100; i++) {
            admitted += throttle.admit(5 * SECOND) ? 1 : 0;
        }

        // Then
        assertThat(admitted).isEqualTo(10);
        assertThat(throttle.takeSkipped()).isEqualTo(90);
        assertThat(throttle.takeSkipped()).isZero();
    }

    @Test
    void refillsAtTheConfiguredRate() {
        // Given
        Throttle throttle = new Throttle(10);
        for (int i = 0; i < 10; i++) {
            throttle.admit(0);
        }

        // When
        boolean tooSoon = throttle.admit(SECOND / 20);
        boolean later = throttle.admit(SECOND / 20 + SECOND / 10);

        // Then
        assertThat(tooSoon).isFalse();
        assertThat(later).isTrue();
    }

    @Test
    void aSlowStreamIsNeverThrottled() {
        // Given
        Throttle throttle = new Throttle(2);

        // When
        int admitted = 0;
        for (int i = 0; i < 50; i++) {
            admitted += throttle.admit(i * SECOND) ? 1 : 0;
        }

        // Then
        assertThat(admitted).isEqualTo(50);
    }
}
