package io.pushtech.tracker.api;

import io.pushtech.common.event.TrackingEvent;
import io.pushtech.common.http.ApiException;
import io.pushtech.tracker.domain.ClientInfo;
import io.pushtech.tracker.domain.EventSink;
import io.pushtech.tracker.domain.InvalidEventException;
import io.pushtech.tracker.domain.PixelEventReader;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /t/{type}?k=v…}: validates the event, hands it to the sink and answers {@code 204} once it
 * is durable there. Runs on the event loop.
 */
public final class PixelHandler implements Handler<RoutingContext> {

    private final PixelEventReader reader;
    private final EventSink sink;

    public PixelHandler(PixelEventReader reader, EventSink sink) {
        this.reader = reader;
        this.sink = sink;
    }

    @Override
    public void handle(RoutingContext ctx) {
        TrackingEvent event;
        try {
            event = reader.read(ctx.pathParam("type"), firstValues(ctx), client(ctx.request()));
        } catch (InvalidEventException e) {
            ctx.fail(ApiException.badRequest(e.code(), e.getMessage(), e.field()));
            return;
        }
        Future.fromCompletionStage(sink.append(event), ctx.vertx().getOrCreateContext())
                .onSuccess(ignored -> ctx.response()
                        .setStatusCode(204)
                        .putHeader(HttpHeaders.CACHE_CONTROL, "no-store, no-cache, must-revalidate")
                        .putHeader("Pragma", "no-cache")
                        .end())
                .onFailure(failure ->
                        ctx.fail(new ApiException(503, "unavailable", "the event could not be stored, retry later")));
    }

    private static Map<String, String> firstValues(RoutingContext ctx) {
        Map<String, String> first = new LinkedHashMap<>();
        ctx.queryParams().forEach(entry -> first.putIfAbsent(entry.getKey(), entry.getValue()));
        return first;
    }

    private static ClientInfo client(HttpServerRequest request) {
        var remote = request.remoteAddress();
        return new ClientInfo(remote == null ? null : remote.hostAddress(), request.getHeader(HttpHeaders.USER_AGENT));
    }
}
