package io.pushtech.notifications.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private final AtomicLong clock = new AtomicLong(1_000_000_000_000L);

    @Test
    void aTenthOfASecondOfRequestsGoesAtOnceThenTheRateHolds() {
        // Given
        TokenBucket bucket = new TokenBucket(100, clock::get);

        // When
        long[] waits = new long[20];
        for (int i = 0; i < waits.length; i++) {
            waits[i] = bucket.reserve();
        }

        // Then
        for (int i = 0; i < 10; i++) {
            assertThat(waits[i]).as("request %d", i).isZero();
        }
        assertThat(waits[10]).isEqualTo(10_000_000L);
        assertThat(waits[19]).isEqualTo(100_000_000L);
    }

    @Test
    void noSecondSeesMoreThanTheRateAndATenth() {
        // Given
        TokenBucket bucket = new TokenBucket(150, clock::get);
        long start = clock.get();

        // When
        int inFirstSecond = 0;
        for (int i = 0; i < 1000; i++) {
            if (bucket.reserve() < 1_000_000_000L) {
                inFirstSecond++;
            }
        }

        // Then
        assertThat(clock.get()).isEqualTo(start);
        assertThat(inFirstSecond).isBetween(150, 165);
    }

    @Test
    void idleTimeRefillsTheBucket() {
        // Given
        TokenBucket bucket = new TokenBucket(10, clock::get);
        bucket.reserve();
        bucket.reserve();

        // When
        clock.addAndGet(1_000_000_000L);

        // Then
        assertThat(bucket.reserve()).isZero();
    }
}
