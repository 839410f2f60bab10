package io.pushtech.tracker.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.pushtech.common.Json;
import io.pushtech.common.Utf8;
import io.pushtech.common.event.TrackingEvent;
import io.pushtech.common.http.ApiException;
import io.pushtech.tracker.domain.EventSink;
import io.pushtech.tracker.domain.RateLimiter;
import io.pushtech.tracker.domain.Rejection;
import io.pushtech.tracker.domain.SinkOverloadedException;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * What the three ingestion endpoints share: reading a JSON body, the per-device rate limit, handing accepted
 * events to the sink and answering once they are durable, and counting it all. Runs on the event loop.
 */
final class Intake {

    private static final int RETRY_AFTER_SECONDS = 5;

    private final EventSink sink;
    private final RateLimiter perDevice;
    private final MeterRegistry registry;
    private final Counter accepted;

    Intake(EventSink sink, RateLimiter perDevice, MeterRegistry registry) {
        this.sink = sink;
        this.perDevice = perDevice;
        this.registry = registry;
        this.accepted = registry.counter("tracker.events.accepted");
    }

    static JsonNode body(RoutingContext ctx) {
        var body = ctx.body().buffer();
        if (body == null || body.length() == 0) {
            throw ApiException.badRequest("empty_body", "the request has no body", null);
        }
        byte[] bytes = body.getBytes();
        if (!Utf8.isWellFormed(bytes)) {
            throw ApiException.badRequest("invalid_utf8", "the body is not valid UTF-8", null);
        }
        try {
            return Json.tree(bytes);
        } catch (UncheckedIOException e) {
            throw ApiException.badRequest("malformed_json", "the body is not well-formed JSON (UTF-8)", null);
        }
    }

    /** Stores {@code events} and runs {@code answer} once they are durable; answers 429 or 503 otherwise. */
    void store(RoutingContext ctx, List<TrackingEvent> events, Runnable answer) {
        long waitNanos = waitForDevices(events);
        if (waitNanos > 0) {
            registry.counter("tracker.requests.rate_limited", "by", "device").increment();
            ctx.fail(tooManyRequests(ctx, waitNanos));
            return;
        }
        Future.fromCompletionStage(sink.append(events), ctx.vertx().getOrCreateContext())
                .onSuccess(ignored -> {
                    accepted.increment(events.size());
                    answer.run();
                })
                .onFailure(failure -> {
                    ctx.response().putHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
                    String reason = failure instanceof SinkOverloadedException
                            ? failure.getMessage()
                            : "the event store is unavailable";
                    ctx.fail(new ApiException(503, "unavailable", reason + "; retry later"));
                });
    }

    /** The longest wait any of the events' devices owes its rate limit (each device counted once per request). */
    private long waitForDevices(List<TrackingEvent> events) {
        if (!perDevice.enabled()) {
            return 0;
        }
        Set<String> devices = new HashSet<>();
        long wait = 0;
        for (TrackingEvent event : events) {
            if (event.deviceId() != null && devices.add(event.deviceId())) {
                wait = Math.max(wait, perDevice.acquire(event.deviceId()));
            }
        }
        return wait;
    }

    void countRejected(Rejection rejection) {
        registry.counter("tracker.events.rejected", "reason", rejection.code()).increment();
    }

    static ApiException tooManyRequests(RoutingContext ctx, long waitNanos) {
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(waitNanos + 999_999_999));
        ctx.response().putHeader("Retry-After", Long.toString(seconds));
        return new ApiException(429, "rate_limited", "too many requests; retry in " + seconds + " s");
    }
}
