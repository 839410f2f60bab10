package io.pushtech.common.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Times every request into {@code http.server.requests}, tagged by method, route template and status,
 * so the metric's cardinality stays bounded whatever paths clients send. Runs on the event loop.
 */
public final class RequestMetrics implements Handler<RoutingContext> {

    private final MeterRegistry registry;

    public RequestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void handle(RoutingContext ctx) {
        long start = System.nanoTime();
        ctx.addEndHandler(ignored -> Timer.builder("http.server.requests")
                .tag("method", ctx.request().method().name())
                .tag("route", routeOf(ctx))
                .tag("status", Integer.toString(ctx.response().getStatusCode()))
                .publishPercentileHistogram()
                .register(registry)
                .record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS));
        ctx.next();
    }

    private static String routeOf(RoutingContext ctx) {
        String route = ctx.currentRoute() == null ? null : ctx.currentRoute().getPath();
        return route == null ? "unmatched" : route;
    }
}
