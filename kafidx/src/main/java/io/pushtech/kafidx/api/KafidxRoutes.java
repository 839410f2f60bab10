package io.pushtech.kafidx.api;

import io.pushtech.common.Namespace;
import io.pushtech.common.http.ApiException;
import io.pushtech.kafidx.domain.EventView;
import io.pushtech.kafidx.domain.Masker;
import io.pushtech.kafidx.domain.Throttle;
import io.pushtech.kafidx.domain.TopicRates;
import io.pushtech.kafidx.infra.TopicReader;
import io.pushtech.kafidx.infra.ViewerConsumers;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mounts the page ({@code /kafidx/}, static files from the jar), {@code /kafidx/api/session} (who the admin token
 * names) and the WebSocket ({@code /kafidx/ws}), which need an admin token. Each WebSocket (one per open page, up to the configured number) gets its own reader
 * thread.
 */
public final class KafidxRoutes {

    private static final Logger LOGGER = LoggerFactory.getLogger(KafidxRoutes.class);

    /** What every viewer shares. */
    public record Viewers(
            Namespace namespace,
            List<String> topics,
            List<String> maskedFields,
            Masker masker,
            TopicRates rates,
            ViewerConsumers consumers,
            int maxEventsPerSecond,
            int maxViewers) {}

    private final Vertx vertx;
    private final AdminAuth auth;
    private final Viewers viewers;
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicLong ids = new AtomicLong();

    public KafidxRoutes(Vertx vertx, AdminAuth auth, Viewers viewers) {
        this.vertx = vertx;
        this.auth = auth;
        this.viewers = viewers;
    }

    /** Pages connected now. */
    public int openViewers() {
        return open.get();
    }

    public void mount(Router router) {
        router.get("/").handler(ctx -> ctx.redirect("/kafidx/"));
        router.get("/kafidx/ws").handler(this::upgrade);
        router.get("/kafidx/api/session").handler(ctx -> auth.authenticate(ctx.request())
                .onSuccess(user -> ctx.json(new JsonObject()
                        .put("user", user)
                        .put("topics", new JsonArray(viewers.topics()))
                        .put("maskedFields", new JsonArray(viewers.maskedFields()))
                        .put("maxEventsPerSecond", viewers.maxEventsPerSecond())))
                .onFailure(ctx::fail));
        router.get("/kafidx/*")
                .handler(StaticHandler.create("kafidx").setCachingEnabled(false).setDirectoryListing(false));
    }

    private void upgrade(RoutingContext ctx) {
        auth.authenticate(ctx.request())
                .compose(user -> {
                    if (open.incrementAndGet() > viewers.maxViewers()) {
                        open.decrementAndGet();
                        throw new ApiException(
                                503, "too_many_viewers", "kafidx serves " + viewers.maxViewers() + " pages at most");
                    }
                    return ctx.request()
                            .toWebSocket()
                            .onFailure(failure -> open.decrementAndGet())
                            .map(socket -> {
                                start(socket, user);
                                return socket;
                            });
                })
                .onFailure(ctx::fail);
    }

    private void start(ServerWebSocket socket, String user) {
        long id = ids.incrementAndGet();
        EventView view = new EventView(viewers.masker(), new Throttle(viewers.maxEventsPerSecond()));
        ViewerSocket viewer = new ViewerSocket(
                socket, vertx.getOrCreateContext(), viewers.topics(), viewers.masker(), view, viewers.rates(), sink -> {
                    TopicReader reader = new TopicReader(
                            viewers.consumers().create("kafidx-viewer-" + id), viewers.namespace(), view, sink);
                    Thread thread = new Thread(reader, "kafidx-viewer-" + id);
                    thread.setDaemon(true);
                    thread.start();
                    return reader;
                });
        LOGGER.atInfo().addKeyValue("user", user).addKeyValue("viewer", id).log("viewer connected");
        viewer.start(user, viewers.maskedFields(), () -> {
            open.decrementAndGet();
            LOGGER.atInfo().addKeyValue("viewer", id).log("viewer left");
        });
    }
}
