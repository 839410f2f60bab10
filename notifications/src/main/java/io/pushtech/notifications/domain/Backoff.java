package io.pushtech.notifications.domain;

import java.time.Duration;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * How long to wait before retrying a request: exponential backoff with full jitter (a random delay up to
 * {@code base × 2^(attempt-1)}, capped), or longer when the server said when to come back ({@code Retry-After}).
 */
public final class Backoff {

    private final Duration base;
    private final Duration max;
    private final DoubleSupplier random;

    public Backoff(Duration base, Duration max, DoubleSupplier random) {
        this.base = base;
        this.max = max;
        this.random = random;
    }

    /** The wait before attempt {@code failedAttempts + 1}, given the server's {@code Retry-After}, if any. */
    public Duration delay(int failedAttempts, Optional<Duration> retryAfter) {
        int exponent = Math.min(failedAttempts - 1, 30);
        long ceiling = Math.min(max.toMillis(), base.toMillis() << Math.max(0, exponent));
        long jittered = (long) (random.getAsDouble() * ceiling);
        return Duration.ofMillis(
                Math.max(jittered, retryAfter.map(Duration::toMillis).orElse(0L)));
    }
}
