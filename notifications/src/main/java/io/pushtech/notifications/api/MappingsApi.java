package io.pushtech.notifications.api;

import io.pushtech.common.auth.BearerAuth;
import io.pushtech.common.http.ApiException;
import io.pushtech.common.http.JsonBodies;
import io.pushtech.notifications.domain.Preferences;
import io.pushtech.notifications.infra.PreferencesStore;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * {@code /mappings}: a signed-in user registers and removes the OneSignal subscription ids of their devices and
 * sets their notification preferences. Every route acts on the token's user only. Handlers run on the event
 * loop; MongoDB calls on the worker pool.
 */
public final class MappingsApi {

    private final PreferencesStore store;
    private final WorkerExecutor workers;
    private final Consumer<String> changed;

    private MappingsApi(PreferencesStore store, WorkerExecutor workers, Consumer<String> changed) {
        this.store = store;
        this.workers = workers;
        this.changed = changed;
    }

    /** Mounts the routes; {@code changed} hears of each user whose mapping changed. */
    public static void mount(
            Router router, JWTAuth tokens, PreferencesStore store, WorkerExecutor workers, Consumer<String> changed) {
        MappingsApi api = new MappingsApi(store, workers, changed);
        BearerAuth auth = new BearerAuth(tokens, false);
        router.get("/mappings").handler(auth).handler(api::get);
        router.delete("/mappings").handler(auth).handler(api::deleteAll);
        router.put("/mappings/preferences").handler(auth).handler(api::putPreferences);
        router.put("/mappings/subscriptions/:subscriptionId").handler(auth).handler(api::addSubscription);
        router.delete("/mappings/subscriptions/:subscriptionId").handler(auth).handler(api::removeSubscription);
    }

    private void get(RoutingContext ctx) {
        String user = ctx.get(BearerAuth.USER_ID);
        answer(ctx, 200, () -> current(user));
    }

    private void deleteAll(RoutingContext ctx) {
        String user = ctx.get(BearerAuth.USER_ID);
        workers.executeBlocking(() -> store.delete(user)).onComplete(result -> {
            if (result.failed()) {
                ctx.fail(result.cause());
                return;
            }
            changed.accept(user);
            ctx.response().setStatusCode(204).end();
        });
    }

    private void putPreferences(RoutingContext ctx) {
        String user = ctx.get(BearerAuth.USER_ID);
        String body = JsonBodies.text(ctx);
        answer(ctx, 200, () -> {
            Preferences updated = PreferencesReader.read(body, current(user));
            store.save(updated);
            return updated;
        });
    }

    private void addSubscription(RoutingContext ctx) {
        String user = ctx.get(BearerAuth.USER_ID);
        String id = PreferencesReader.subscriptionId(ctx.pathParam("subscriptionId"));
        answer(ctx, 200, () -> {
            Preferences now = current(user);
            Preferences updated = now.withSubscriptions(PreferencesReader.with(now.subscriptionIds(), id));
            store.save(updated);
            return updated;
        });
    }

    private void removeSubscription(RoutingContext ctx) {
        String user = ctx.get(BearerAuth.USER_ID);
        String id = PreferencesReader.subscriptionId(ctx.pathParam("subscriptionId"));
        answer(ctx, 200, () -> {
            Preferences now = current(user);
            if (!now.subscriptionIds().contains(id)) {
                throw ApiException.notFound("subscription " + id + " is not registered for this user");
            }
            Preferences updated = now.withSubscriptions(
                    now.subscriptionIds().stream().filter(s -> !s.equals(id)).toList());
            store.save(updated);
            return updated;
        });
    }

    private Preferences current(String user) {
        return store.find(user).orElseGet(() -> Preferences.defaults(user));
    }

    private void answer(RoutingContext ctx, int status, Callable<Preferences> work) {
        String user = ctx.get(BearerAuth.USER_ID);
        workers.executeBlocking(work).onComplete(result -> {
            if (result.failed()) {
                ctx.fail(result.cause());
                return;
            }
            changed.accept(user);
            JsonObject body = PreferencesReader.write(result.result());
            ctx.response()
                    .setStatusCode(status)
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .end(body.encode());
        });
    }
}
