package io.pushtech.storage.api;

import io.pushtech.common.auth.BearerAuth;
import io.pushtech.storage.domain.SharedEngine;
import io.pushtech.storage.infra.ItemLog;
import io.pushtech.storage.infra.Materializations;
import io.pushtech.storage.infra.MongoItemStore;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The searches, offers and locations endpoints and the OpenAPI document, mounted on each event loop's
 * service router. What the routers share (handlers, stores, the engine) is thread-safe.
 */
public final class StoreApi {

    private final Buffer openapi = openapi();
    private final OpenApiValidation valid;
    private final JWTAuth tokens;
    private final Handler<RoutingContext> locations;
    private final List<ItemHandlers<?>> kinds;

    private StoreApi(
            OpenApiValidation valid, JWTAuth tokens, Handler<RoutingContext> locations, List<ItemHandlers<?>> kinds) {
        this.valid = valid;
        this.tokens = tokens;
        this.locations = locations;
        this.kinds = kinds;
    }

    /** Loads the OpenAPI document the requests are validated against. */
    public static Future<StoreApi> load(
            Vertx vertx,
            JWTAuth tokens,
            SharedEngine engine,
            ItemLog log,
            MongoItemStore store,
            Materializations materializations,
            Handler<RoutingContext> locations,
            WorkerExecutor workers,
            Clock clock,
            Duration writeWait) {
        List<ItemHandlers<?>> kinds = Stream.of(ItemKind.SEARCHES, ItemKind.OFFERS)
                .<ItemHandlers<?>>map(kind -> new ItemHandlers<>(
                        kind, vertx, engine, log, store, materializations, workers, clock, writeWait))
                .toList();
        return OpenApiValidation.load(vertx).map(valid -> new StoreApi(valid, tokens, locations, kinds));
    }

    /** Mounts the endpoints, each validated against its operation. */
    public void mountOn(Router router) {
        router.get("/store/openapi.yaml").handler(ctx -> ctx.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/yaml")
                .end(openapi));
        router.get("/store/locations/:id")
                .handler(new PathIds("no location is known for this id"))
                .handler(valid.of("getLocation"))
                .handler(locations);
        BearerAuth auth = new BearerAuth(tokens, false);
        for (ItemHandlers<?> handlers : kinds) {
            mount(router, auth, handlers);
        }
    }

    private void mount(Router router, BearerAuth auth, ItemHandlers<?> handlers) {
        String plural = handlers.plural();
        String path = "/store/" + plural;
        String one = plural.equals("searches") ? "Search" : "Offer";
        PathIds ids = new PathIds("no " + one.toLowerCase(Locale.ROOT) + " has this id");
        router.get(path).handler(valid.of(plural + "Near")).handler(handlers::near);
        router.post(path).handler(auth).handler(valid.of("create" + one)).handler(handlers::create);
        router.get(path + "/:id").handler(ids).handler(valid.of("get" + one)).handler(handlers::get);
        router.patch(path + "/:id")
                .handler(auth)
                .handler(ids)
                .handler(valid.of("update" + one))
                .handler(handlers::update);
        router.delete(path + "/:id")
                .handler(auth)
                .handler(ids)
                .handler(valid.of("delete" + one))
                .handler(handlers::delete);
        router.get(path + "/:id/matches")
                .handler(ids)
                .handler(valid.of(one.toLowerCase(Locale.ROOT) + "Matches"))
                .handler(handlers::matches);
    }

    private static Buffer openapi() {
        try (InputStream in = StoreApi.class.getResourceAsStream("/openapi.yaml")) {
            return Buffer.buffer(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
