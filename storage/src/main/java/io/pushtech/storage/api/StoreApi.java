package io.pushtech.storage.api;

import io.pushtech.storage.domain.SharedEngine;
import io.pushtech.storage.infra.ItemLog;
import io.pushtech.storage.infra.Materializations;
import io.pushtech.storage.infra.MongoItemStore;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;

/** Mounts the searches and offers endpoints and the OpenAPI document on a service router. */
public final class StoreApi {

    private StoreApi() {}

    public static void mount(
            Router router,
            Vertx vertx,
            JWTAuth tokens,
            SharedEngine engine,
            ItemLog log,
            MongoItemStore store,
            Materializations materializations,
            WorkerExecutor workers,
            Clock clock,
            Duration writeWait) {
        Buffer openapi = openapi();
        router.get("/store/openapi.yaml").handler(ctx -> ctx.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/yaml")
                .end(openapi));
        BearerAuth auth = new BearerAuth(tokens);
        for (ItemKind<?> kind : new ItemKind<?>[] {ItemKind.SEARCHES, ItemKind.OFFERS}) {
            ItemHandlers<?> handlers =
                    new ItemHandlers<>(kind, vertx, engine, log, store, materializations, workers, clock, writeWait);
            String path = "/store/" + kind.plural();
            router.get(path).handler(handlers::near);
            router.post(path).handler(auth).handler(handlers::create);
            router.get(path + "/:id").handler(handlers::get);
            router.patch(path + "/:id").handler(auth).handler(handlers::update);
            router.delete(path + "/:id").handler(auth).handler(handlers::delete);
            router.get(path + "/:id/matches").handler(handlers::matches);
        }
    }

    private static Buffer openapi() {
        try (InputStream in = StoreApi.class.getResourceAsStream("/openapi.yaml")) {
            return Buffer.buffer(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
