package io.pushtech.notifications.domain;

import java.util.function.LongSupplier;

/**
 * Keeps requests to a rate (the generic cell rate algorithm): each request reserves a token and learns how long to
 * wait for it. The bucket holds a tenth of a second of tokens, so no one-second window sees much more than the
 * rate. Not thread-safe: one caller thread.
 */
public final class TokenBucket {

    private static final long SECOND = 1_000_000_000L;

    private final long interval;
    private final long tolerance;
    private final LongSupplier clock;
    private long theoreticalArrival;

    public TokenBucket(double perSecond, LongSupplier nanoClock) {
        if (perSecond <= 0) {
            throw new IllegalArgumentException("the rate must be positive");
        }
        this.interval = Math.max(1, (long) (SECOND / perSecond));
        this.tolerance = Math.max(0, SECOND / 10 - interval);
        this.clock = nanoClock;
        this.theoreticalArrival = nanoClock.getAsLong();
    }

    /** Takes a token; returns the nanoseconds to wait before using it (0 when one is free now). */
    public long reserve() {
        long now = clock.getAsLong();
        long arrival = Math.max(theoreticalArrival, now);
        theoreticalArrival = arrival + interval;
        return Math.max(0, arrival - now - tolerance);
    }
}
