package io.pushtech.tracker.domain;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Per-client request limits: one token bucket per key (a client address, a device id), kept while the key is
 * active. A rate of 0 turns the limit off. Thread-safe.
 */
public final class RateLimiter {

    private static final long MAX_KEYS = 1_000_000;

    private final double ratePerSecond;
    private final double burst;
    private final LongSupplier nanoClock;
    private final Cache<String, TokenBucket> buckets;

    public RateLimiter(double ratePerSecond, double burst, LongSupplier nanoClock) {
        this.ratePerSecond = ratePerSecond;
        this.burst = burst;
        this.nanoClock = nanoClock;
        this.buckets = Caffeine.newBuilder()
                .maximumSize(MAX_KEYS)
                .expireAfterAccess(Duration.ofMinutes(10))
                .build();
    }

    /** False when the rate is 0: {@link #acquire} then always lets a request go on. */
    public boolean enabled() {
        return ratePerSecond > 0;
    }

    /** Zero when {@code key} may go on; otherwise the nanoseconds until it may. */
    public long acquire(String key) {
        if (ratePerSecond <= 0 || key == null) {
            return 0;
        }
        long now = nanoClock.getAsLong();
        return buckets.get(key, k -> new TokenBucket(ratePerSecond, burst, now)).tryTake(1, now);
    }
}
