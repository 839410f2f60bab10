package io.pushtech.tracker.api;

import io.pushtech.common.event.TrackingEvent;
import io.pushtech.common.http.ApiException;
import io.pushtech.tracker.domain.EventIntake;
import io.pushtech.tracker.domain.InvalidEventException;
import io.pushtech.tracker.domain.PixelQuery;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /t/{type}?k=v…}: pixel-style tracking for an {@code <img>} tag or a plain mobile call. Answers
 * {@code 204}, or a 1×1 transparent GIF when the client asks for an image, once the event is durable. Runs on
 * the event loop.
 */
final class PixelHandler implements Handler<RoutingContext> {

    private static final Buffer GIF =
            Buffer.buffer(Base64.getDecoder().decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"));

    private final EventIntake intake;
    private final Intake store;
    private final Arrivals arrivals;

    PixelHandler(EventIntake intake, Intake store, Arrivals arrivals) {
        this.intake = intake;
        this.store = store;
        this.arrivals = arrivals;
    }

    @Override
    public void handle(RoutingContext ctx) {
        TrackingEvent event;
        try {
            event = intake.single(
                    PixelQuery.toEvent(ctx.pathParam("type"), firstValues(ctx)), arrivals.of(ctx, Optional.empty()));
        } catch (InvalidEventException e) {
            store.countRejected(e.rejection());
            ctx.fail(ApiException.badRequest(
                    e.rejection().code(), e.getMessage(), e.rejection().field()));
            return;
        }
        store.store(ctx, List.of(event), () -> answer(ctx));
    }

    private static void answer(RoutingContext ctx) {
        HttpServerResponse response = NoCache.apply(ctx.response());
        String accept = ctx.request().getHeader(HttpHeaders.ACCEPT);
        if (accept != null && accept.contains("image/")) {
            response.putHeader(HttpHeaders.CONTENT_TYPE, "image/gif").end(GIF);
        } else {
            response.setStatusCode(204).end();
        }
    }

    private static Map<String, String> firstValues(RoutingContext ctx) {
        Map<String, String> first = new LinkedHashMap<>();
        ctx.queryParams().forEach(entry -> first.putIfAbsent(entry.getKey(), entry.getValue()));
        return first;
    }
}
