package io.pushtech.common.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * {@code GET /health} (the process is alive) and {@code GET /ready} (every dependency answers, else 503 with the
 * failing ones named; 200 with status {@code DEGRADED} when a check reports a working fallback). Probes run on
 * worker threads; responses are written on the event loop.
 */
public final class HealthHandlers {

    private final Vertx vertx;
    private final String service;
    private final List<ReadinessCheck> checks;

    public HealthHandlers(Vertx vertx, String service, List<ReadinessCheck> checks) {
        this.vertx = vertx;
        this.service = service;
        this.checks = List.copyOf(checks);
    }

    public void health(RoutingContext ctx) {
        json(ctx, 200, new JsonObject().put("service", service).put("status", "UP"));
    }

    public void ready(RoutingContext ctx) {
        List<Future<String>> results = checks.stream().map(this::run).toList();
        Future.join(results).onComplete(ignored -> {
            JsonObject details = new JsonObject();
            boolean down = false;
            boolean degraded = false;
            for (int i = 0; i < checks.size(); i++) {
                Future<String> result = results.get(i);
                boolean isDegraded = result.failed() && result.cause() instanceof DegradedException;
                down |= result.failed() && !isDegraded;
                degraded |= isDegraded;
                details.put(checks.get(i).name(), describe(result, isDegraded));
            }
            String status = down ? "DOWN" : degraded ? "DEGRADED" : "UP";
            JsonObject body = new JsonObject()
                    .put("service", service)
                    .put("status", status)
                    .put("checks", details);
            json(ctx, down ? 503 : 200, body);
        });
    }

    private static String describe(Future<String> result, boolean degraded) {
        if (result.succeeded()) {
            return "UP";
        }
        return (degraded ? "DEGRADED: " : "DOWN: ") + result.cause().getMessage();
    }

    private Future<String> run(ReadinessCheck check) {
        return vertx.executeBlocking(
                () -> {
                    check.probe();
                    return "UP";
                },
                false);
    }

    private static void json(RoutingContext ctx, int status, JsonObject body) {
        ctx.response()
                .setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end(body.encode());
    }
}
