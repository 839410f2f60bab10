package io.pushtech.tracker.domain;

/**
 * A token bucket: {@code ratePerSecond} tokens refill continuously up to {@code burst}. Thread-safe. Times are
 * {@link System#nanoTime()} values passed in, so tests control the clock.
 */
public final class TokenBucket {

    private final double ratePerNano;
    private final double burst;
    private double tokens;
    private long updatedNanos;

    public TokenBucket(double ratePerSecond, double burst, long nowNanos) {
        this.ratePerNano = ratePerSecond / 1e9;
        this.burst = burst;
        this.tokens = burst;
        this.updatedNanos = nowNanos;
    }

    /** Takes {@code cost} tokens if there are enough; otherwise takes none and returns the wait in nanoseconds. */
    public synchronized long tryTake(double cost, long nowNanos) {
        // callers on other threads may pass a time read just before this one's
        if (nowNanos > updatedNanos) {
            tokens = Math.min(burst, tokens + (nowNanos - updatedNanos) * ratePerNano);
            updatedNanos = nowNanos;
        }
        if (tokens >= cost) {
            tokens -= cost;
            return 0;
        }
        return (long) Math.ceil((cost - tokens) / ratePerNano);
    }
}
