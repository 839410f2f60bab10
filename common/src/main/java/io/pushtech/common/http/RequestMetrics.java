package io.pushtech.common.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Times every request into {@code http.server.requests}, tagged by method, route template and status,
 * so the metric's cardinality stays bounded whatever paths clients send. Runs on the event loop.
 */
public final class RequestMetrics implements Handler<RoutingContext> {

    /** Any token is a method to HTTP: the others share one tag value, so that clients cannot grow the registry. */
    private static final Set<HttpMethod> KNOWN_METHODS = Set.copyOf(HttpMethod.values());

    private static final HttpMethod OTHER = HttpMethod.valueOf("OTHER");

    private final MeterRegistry registry;
    private final Map<Key, Timer> timers = new ConcurrentHashMap<>();

    public RequestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void handle(RoutingContext ctx) {
        long start = System.nanoTime();
        HttpMethod method =
                KNOWN_METHODS.contains(ctx.request().method()) ? ctx.request().method() : OTHER;
        ctx.addEndHandler(
                ignored -> timer(new Key(method, routeOf(ctx), ctx.response().getStatusCode()))
                        .record(System.nanoTime() - start, TimeUnit.NANOSECONDS));
        ctx.next();
    }

    /**
     * Looking a meter up in the registry on every request costs more than the request's own work, and so did
     * building a text key for this cache.
     */
    private Timer timer(Key key) {
        return timers.computeIfAbsent(key, k -> Timer.builder("http.server.requests")
                .tag("method", k.method().name())
                .tag("route", k.route())
                .tag("status", Integer.toString(k.status()))
                .publishPercentileHistogram()
                .register(registry));
    }

    private static String routeOf(RoutingContext ctx) {
        String route = ctx.currentRoute() == null ? null : ctx.currentRoute().getPath();
        return route == null ? "unmatched" : route;
    }

    private record Key(HttpMethod method, String route, int status) {}
}
