package io.pushtech.notifications.api;

import io.pushtech.common.auth.BearerAuth;
import io.pushtech.notifications.infra.LiveEvents;
import io.pushtech.notifications.infra.LiveEvents.LiveEvent;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code GET /notifications/stream}: Server-Sent Events of the signed-in user's matches, as the live feed reads
 * them. A reconnecting browser sends {@code Last-Event-ID} (EventSource does it by itself; {@code ?lastEventId=}
 * works too) and first receives the events it missed. A comment every {@code heartbeatMillis} keeps proxies from
 * closing an idle stream. Runs on the event loop; events arrive from the feed thread and are written on the
 * connection's context.
 */
public final class LiveStreamHandler implements Handler<RoutingContext> {

    private final Vertx vertx;
    private final LiveEvents events;
    private final long heartbeatMillis;

    public LiveStreamHandler(Vertx vertx, LiveEvents events, long heartbeatMillis) {
        this.vertx = vertx;
        this.events = events;
        this.heartbeatMillis = heartbeatMillis;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String user = ctx.get(BearerAuth.USER_ID);
        Optional<String> lastEventId = Optional.ofNullable(ctx.request().getHeader("Last-Event-ID"))
                .or(() -> Optional.ofNullable(ctx.request().getParam("lastEventId")))
                .filter(s -> !s.isBlank());
        HttpServerResponse response = ctx.response()
                .setChunked(true)
                .putHeader(HttpHeaders.CONTENT_TYPE, "text/event-stream; charset=utf-8")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
                .putHeader(HttpHeaders.CONTENT_ENCODING, HttpHeaders.IDENTITY)
                .putHeader("X-Accel-Buffering", "no");
        Context context = vertx.getOrCreateContext();
        Consumer<LiveEvent> listener = event -> context.runOnContext(v -> write(response, event));
        List<LiveEvent> missed = events.subscribe(user, lastEventId, listener);
        response.write("retry: 2000\n\n");
        missed.forEach(event -> write(response, event));
        long heartbeat = vertx.setPeriodic(heartbeatMillis, t -> {
            if (!response.closed()) {
                response.write(": keep-alive\n\n");
            }
        });
        response.closeHandler(v -> {
            vertx.cancelTimer(heartbeat);
            events.unsubscribe(user, listener);
        });
    }

    private static void write(HttpServerResponse response, LiveEvent event) {
        if (!response.closed() && !response.ended()) {
            response.write("id: " + event.id() + "\nevent: " + event.name() + "\ndata: " + event.json() + "\n\n");
        }
    }
}
