package io.pushtech.kafidx.domain;

/**
 * A token bucket that lets through at most {@code perSecond} events a second (a second's worth at once) and counts
 * the events it holds back. Time is passed in, in nanoseconds of a monotonic clock. Not thread-safe: one reader
 * thread uses it.
 */
public final class Throttle {

    private static final double NANOS_PER_SECOND = 1e9;

    private final int perSecond;
    private double tokens;
    private long lastNanos;
    private boolean started;
    private long skipped;

    public Throttle(int perSecond) {
        if (perSecond < 1) {
            throw new IllegalArgumentException("perSecond must be at least 1");
        }
        this.perSecond = perSecond;
        this.tokens = perSecond;
    }

    public int perSecond() {
        return perSecond;
    }

    /** Whether an event arriving at {@code nowNanos} may be shown; if not, it is counted as skipped. */
    public boolean admit(long nowNanos) {
        if (started) {
            tokens = Math.min(perSecond, tokens + (nowNanos - lastNanos) / NANOS_PER_SECOND * perSecond);
        }
        started = true;
        lastNanos = nowNanos;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        skipped++;
        return false;
    }

    /** Events skipped since the last call. */
    public long takeSkipped() {
        long count = skipped;
        skipped = 0;
        return count;
    }
}
