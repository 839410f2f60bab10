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
import java.util.Locale;

/** Mounts the searches, offers and locations endpoints and the OpenAPI document on a service router. */
public final class StoreApi {

    private StoreApi() {}

    /** Loads the OpenAPI document and mounts the endpoints, each validated against its operation. */
    public static Future<Void> mount(
            Router router,
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
        Buffer openapi = openapi();
        return OpenApiValidation.load(vertx).map(valid -> {
            router.get("/store/openapi.yaml").handler(ctx -> ctx.response()
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/yaml")
                    .end(openapi));
            router.get("/store/locations/:id").handler(valid.of("getLocation")).handler(locations);
            BearerAuth auth = new BearerAuth(tokens, false);
            for (ItemKind<?> kind : new ItemKind<?>[] {ItemKind.SEARCHES, ItemKind.OFFERS}) {
                ItemHandlers<?> handlers = new ItemHandlers<>(
                        kind, vertx, engine, log, store, materializations, workers, clock, writeWait);
                String path = "/store/" + kind.plural();
                String one = kind.plural().equals("searches") ? "Search" : "Offer";
                router.get(path).handler(valid.of(kind.plural() + "Near")).handler(handlers::near);
                router.post(path)
                        .handler(auth)
                        .handler(valid.of("create" + one))
                        .handler(handlers::create);
                router.get(path + "/:id").handler(valid.of("get" + one)).handler(handlers::get);
                router.patch(path + "/:id")
                        .handler(auth)
                        .handler(valid.of("update" + one))
                        .handler(handlers::update);
                router.delete(path + "/:id")
                        .handler(auth)
                        .handler(valid.of("delete" + one))
                        .handler(handlers::delete);
                router.get(path + "/:id/matches")
                        .handler(valid.of(one.toLowerCase(Locale.ROOT) + "Matches"))
                        .handler(handlers::matches);
            }
            return null;
        });
    }

    private static Buffer openapi() {
        try (InputStream in = StoreApi.class.getResourceAsStream("/openapi.yaml")) {
            return Buffer.buffer(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
