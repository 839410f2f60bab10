package io.pushtech.platform.bench;

import java.util.Arrays;

/** Latency samples in nanoseconds, with the percentiles a benchmark table reports. */
final class Latencies {

    private final long[] samples;
    private int count;

    Latencies(int capacity) {
        samples = new long[capacity];
    }

    void add(long nanos) {
        samples[count++] = nanos;
    }

    /** The {@code p}-th percentile (0 < p ≤ 100) in milliseconds, nearest-rank. */
    double percentileMillis(double p) {
        long[] sorted = Arrays.copyOf(samples, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * count);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }

    int count() {
        return count;
    }
}
