package io.pushtech.kafidx.domain;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Events per second of each topic, from samples of the sum of its partitions' end offsets: the rate now (over the
 * last {@value #NOW_SAMPLES} samples) and a history of the last minutes in buckets of {@value #BUCKET_SAMPLES}
 * samples, oldest first, for a sparkline. Thread-safe: one thread samples, event loops read.
 */
public final class TopicRates {

    public static final int NOW_SAMPLES = 5;
    public static final int BUCKET_SAMPLES = 5;
    public static final int HISTORY_BUCKETS = 60;
    private static final int KEPT = BUCKET_SAMPLES * HISTORY_BUCKETS;

    /** A topic's rate now and its history, in events per second. */
    public record Rate(double perSecond, List<Double> history) {}

    private final Map<String, Series> series = new LinkedHashMap<>();

    /** Records that {@code topic}'s end offsets summed to {@code endOffsets} at {@code nowMillis}. */
    public synchronized void sample(String topic, long nowMillis, long endOffsets) {
        series.computeIfAbsent(topic, t -> new Series()).add(nowMillis, endOffsets);
    }

    public synchronized Map<String, Rate> snapshot() {
        Map<String, Rate> rates = new LinkedHashMap<>();
        series.forEach((topic, s) -> rates.put(topic, s.rate()));
        return rates;
    }

    private static final class Series {
        private final Deque<Double> perSecond = new ArrayDeque<>();
        private long lastMillis = -1;
        private long lastOffsets;

        void add(long nowMillis, long endOffsets) {
            if (lastMillis >= 0 && nowMillis > lastMillis) {
                double rate = Math.max(0, endOffsets - lastOffsets) * 1000.0 / (nowMillis - lastMillis);
                perSecond.addLast(rate);
                while (perSecond.size() > KEPT) {
                    perSecond.removeFirst();
                }
            }
            lastMillis = nowMillis;
            lastOffsets = endOffsets;
        }

        Rate rate() {
            List<Double> samples = new ArrayList<>(perSecond);
            List<Double> history = new ArrayList<>();
            int first = samples.size() % BUCKET_SAMPLES;
            for (int i = first; i < samples.size(); i += BUCKET_SAMPLES) {
                history.add(mean(samples.subList(i, i + BUCKET_SAMPLES)));
            }
            List<Double> recent = samples.subList(Math.max(0, samples.size() - NOW_SAMPLES), samples.size());
            return new Rate(mean(recent), List.copyOf(history));
        }

        private static double mean(List<Double> values) {
            return values.isEmpty()
                    ? 0
                    : values.stream().mapToDouble(Double::doubleValue).sum() / values.size();
        }
    }
}
