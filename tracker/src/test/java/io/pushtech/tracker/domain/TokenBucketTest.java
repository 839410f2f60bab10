package io.pushtech.tracker.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    @Test
    void burstIsAvailableAtOnceThenTheCallerMustWait() {
        // Given
        TokenBucket bucket = new TokenBucket(10, 3, 0);

        // When
        long[] waits = {bucket.tryTake(1, 0), bucket.tryTake(1, 0), bucket.tryTake(1, 0), bucket.tryTake(1, 0)};

        // Then
        assertThat(waits).containsExactly(0, 0, 0, SECOND / 10);
    }

    @Test
    void tokensRefillWithTimeUpToTheBurst() {
        // Given
        TokenBucket bucket = new TokenBucket(10, 3, 0);
        for (int i = 0; i < 3; i++) {
            bucket.tryTake(1, 0);
        }

        // When
        long afterTenSeconds = 10 * SECOND;

        // Then
        assertThat(bucket.tryTake(3, afterTenSeconds)).isZero();
        assertThat(bucket.tryTake(1, afterTenSeconds)).isPositive();
    }

    @Test
    void limiterWithRateZeroNeverLimits() {
        // Given
        RateLimiter unlimited = new RateLimiter(0, 0, () -> 0);

        // Then
        assertThat(unlimited.acquire("client")).isZero();
    }
}
