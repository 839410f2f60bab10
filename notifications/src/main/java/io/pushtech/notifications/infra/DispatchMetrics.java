package io.pushtech.notifications.infra;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/** The dispatcher's meters ({@code notifications_*} in {@code /metrics}). */
final class DispatchMetrics {

    private final MeterRegistry registry;
    private final Counter started;
    private final Counter ended;
    private final Counter unreadable;
    private final Counter collapsed;
    private final Counter resent;
    private final Counter requests;
    private final Timer latency;

    DispatchMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.started = registry.counter("notifications.matches", "type", "started");
        this.ended = registry.counter("notifications.matches", "type", "ended");
        this.unreadable = registry.counter("notifications.matches.unreadable");
        this.collapsed = registry.counter("notifications.collapsed");
        this.resent = registry.counter("notifications.resent");
        this.requests = registry.counter("notifications.pushes.requested");
        this.latency = Timer.builder("notifications.match.latency")
                .description("from the matches record's timestamp to its push being handed to the client")
                .publishPercentiles(0.5, 0.99)
                .register(registry);
    }

    void record(boolean isStarted, long recordTimestamp) {
        (isStarted ? started : ended).increment();
        if (isStarted && recordTimestamp > 0) {
            latency.record(Duration.ofMillis(Math.max(0, System.currentTimeMillis() - recordTimestamp)));
        }
    }

    void unreadable() {
        unreadable.increment();
    }

    void collapsed() {
        collapsed.increment();
    }

    void resent() {
        resent.increment();
    }

    void requested() {
        requests.increment();
    }

    void suppressed(String reason) {
        registry.counter("notifications.suppressed", "reason", reason).increment();
    }

    void outcome(String status) {
        registry.counter("notifications.pushes", "outcome", status).increment();
    }
}
