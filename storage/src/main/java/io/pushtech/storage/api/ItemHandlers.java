package io.pushtech.storage.api;

import io.pushtech.common.auth.BearerAuth;
import io.pushtech.common.http.ApiException;
import io.pushtech.storage.domain.InvalidItemException;
import io.pushtech.storage.domain.MatchEngine;
import io.pushtech.storage.domain.MatchEvent.Reason;
import io.pushtech.storage.domain.Nearby;
import io.pushtech.storage.domain.NearbyQuery;
import io.pushtech.storage.domain.SharedEngine;
import io.pushtech.storage.infra.ItemChange;
import io.pushtech.storage.infra.ItemLog;
import io.pushtech.storage.infra.Materializations;
import io.pushtech.storage.infra.MongoItemStore;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The endpoints of one kind of item under {@code /store/<plural>}. Writes are validated, appended to the
 * item's topic and answered once the materializer stored them ({@code 201}/{@code 200}/{@code 204}), or
 * {@code 202} with the {@code Location} when the wait runs out. Handlers and reads of the in-memory index run on
 * the event loop; reads of MongoDB, and reads of the index while the materializer holds it, run on the worker
 * executor, so the event loop never waits.
 */
final class ItemHandlers<T> {

    private final ItemKind<T> kind;
    private final Vertx vertx;
    private final SharedEngine engine;
    private final ItemLog log;
    private final MongoItemStore store;
    private final Materializations materializations;
    private final WorkerExecutor workers;
    private final Clock clock;
    private final Duration writeWait;

    ItemHandlers(
            ItemKind<T> kind,
            Vertx vertx,
            SharedEngine engine,
            ItemLog log,
            MongoItemStore store,
            Materializations materializations,
            WorkerExecutor workers,
            Clock clock,
            Duration writeWait) {
        this.kind = kind;
        this.vertx = vertx;
        this.engine = engine;
        this.log = log;
        this.store = store;
        this.materializations = materializations;
        this.workers = workers;
        this.clock = clock;
        this.writeWait = writeWait;
    }

    String plural() {
        return kind.plural();
    }

    /** Creates an item from the body; a field sent as {@code null} is left out, as if absent. */
    void create(RoutingContext ctx) {
        JsonObject body = RequestReader.read(ctx, kind.writableFields(), kind.requiredOnCreate());
        Instant now = clock.instant();
        WrittenValues.check(body, now);
        String id = UUID.randomUUID().toString();
        JsonObject full = new JsonObject();
        body.forEach(field -> {
            if (field.getValue() != null) {
                full.put(field.getKey(), field.getValue());
            }
        });
        full.put("id", id)
                .put("ownerId", ctx.<String>get(BearerAuth.USER_ID))
                .put("version", 1L)
                .put("createdAt", now.toString())
                .put("updatedAt", now.toString());
        T item = decode(full);
        write(
                ctx,
                id,
                ItemChange.whole(
                        kind.encode(item), Reason.CREATED, UUID.randomUUID().toString()),
                201);
    }

    /**
     * Sets the fields of the body ({@code null} clears an optional one). An empty body changes nothing: it is
     * answered with the current item, whose version stays the same.
     */
    void update(RoutingContext ctx) {
        JsonObject patch = RequestReader.read(ctx, kind.writableFields(), Set.of());
        WrittenValues.check(patch, clock.instant());
        if (patch.isEmpty()) {
            owned(ctx)
                    .onSuccess(current -> json(ctx, 200, kind.encode(current)))
                    .onFailure(ctx::fail);
            return;
        }
        owned(ctx)
                .map(current -> patched(current, patch))
                .onSuccess(change -> write(ctx, ctx.pathParam("id"), change, 200))
                .onFailure(ctx::fail);
    }

    private ItemChange patched(T current, JsonObject patch) {
        JsonObject full = kind.encode(current);
        patch.forEach(field -> {
            if (field.getValue() == null) {
                full.remove(field.getKey());
            } else {
                full.put(field.getKey(), field.getValue());
            }
        });
        full.put("version", kind.version(current) + 1)
                .put("updatedAt", clock.instant().toString());
        T item = decode(full);
        return ItemChange.of(
                kind.encode(current),
                kind.encode(item),
                Reason.UPDATED,
                Optional.of(UUID.randomUUID().toString()),
                patch.fieldNames());
    }

    void delete(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        owned(ctx)
                .compose(current -> {
                    CompletableFuture<JsonObject> stored = materializations.awaitDeletion(id);
                    return Future.fromCompletionStage(kind.delete(log, id), vertx.getOrCreateContext())
                            .compose(v -> waitFor(id, stored));
                })
                .onSuccess(done -> {
                    if (done.isPresent()) {
                        ctx.response().setStatusCode(204).end();
                    } else {
                        accepted(ctx, id);
                    }
                })
                .onFailure(ctx::fail);
    }

    void get(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        workers.executeBlocking(() -> store.find(kind.plural(), id), false)
                .onSuccess(found -> {
                    if (found.isEmpty()) {
                        ctx.fail(ApiException.notFound("no " + singular() + " " + id));
                    } else {
                        json(ctx, 200, found.get());
                    }
                })
                .onFailure(ctx::fail);
    }

    void near(RoutingContext ctx) {
        NearbyQuery query = NearbyParams.read(ctx.queryParams());
        readIndex(e -> kind.near(e, query))
                .onSuccess(found -> nearbyPage(ctx, query, found))
                .onFailure(ctx::fail);
    }

    /**
     * Reads the in-memory index on the event loop, unless the materializer holds it (while it applies a batch,
     * or restores it at start): then on a worker, so the event loop never waits for it.
     */
    private <R> Future<R> readIndex(Function<MatchEngine, R> reader) {
        Optional<R> now = engine.tryRead(reader);
        return now.isPresent()
                ? Future.succeededFuture(now.get())
                : workers.executeBlocking(() -> engine.read(reader), false);
    }

    private void nearbyPage(RoutingContext ctx, NearbyQuery query, List<Nearby<T>> found) {
        Optional<String> next = Optional.empty();
        if (found.size() == query.limit()) {
            Nearby<T> last = found.get(found.size() - 1);
            next = Optional.of(NearbyParams.cursor(last.distance(), kind.id(last.item())));
        }
        ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(NearbyPage.write(kind, found, next));
    }

    void matches(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        readIndex(e -> kind.current(e, id).map(item -> kind.matches(e, id)))
                .map(result -> {
                    JsonArray matches = new JsonArray();
                    result.orElseThrow(() -> ApiException.notFound("no " + singular() + " " + id))
                            .forEach(m -> matches.add(new JsonObject()
                                    .put("searchId", m.searchId())
                                    .put("offerId", m.offerId())
                                    .put("distance", m.distance())));
                    return new JsonObject().put("matches", matches);
                })
                .onSuccess(body -> json(ctx, 200, body))
                .onFailure(ctx::fail);
    }

    /** The item named in the path, when the caller owns it; fails with {@code 404} or {@code 403} otherwise. */
    private Future<T> owned(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        String caller = ctx.get(BearerAuth.USER_ID);
        return readIndex(e -> kind.current(e, id)).map(found -> {
            T current = found.orElseThrow(() -> ApiException.notFound("no " + singular() + " " + id));
            if (!kind.ownerId(current).equals(caller)) {
                throw new ApiException(403, "forbidden", "only the owner may change " + singular() + " " + id);
            }
            return current;
        });
    }

    private T decode(JsonObject full) {
        try {
            return kind.decode(full);
        } catch (InvalidItemException e) {
            throw ApiException.badRequest(e.code(), e.getMessage(), e.field());
        }
    }

    /** Appends a change and answers the item as stored once materialized, or {@code 202} when the wait runs out. */
    private void write(RoutingContext ctx, String id, ItemChange change, int status) {
        String changeId = change.changeId().orElseThrow();
        CompletableFuture<JsonObject> stored = materializations.awaitChange(changeId);
        Future.fromCompletionStage(kind.append(log, change), vertx.getOrCreateContext())
                .compose(v -> waitFor(changeId, stored))
                .onSuccess(done -> {
                    ctx.response().putHeader(HttpHeaders.LOCATION, location(id));
                    if (done.isPresent()) {
                        json(ctx, status, done.get());
                    } else {
                        accepted(ctx, id);
                    }
                })
                .onFailure(failure -> {
                    materializations.cancel(changeId, stored);
                    ctx.fail(failure);
                });
    }

    /** The stored item, when the change was stored within the bounded wait. */
    private Future<Optional<JsonObject>> waitFor(String key, CompletableFuture<JsonObject> stored) {
        Promise<Optional<JsonObject>> result = Promise.promise();
        if (writeWait.isZero()) {
            materializations.cancel(key, stored);
            return Future.succeededFuture(Optional.ofNullable(stored.getNow(null)));
        }
        long timer = vertx.setTimer(writeWait.toMillis(), t -> {
            materializations.cancel(key, stored);
            result.tryComplete(Optional.empty());
        });
        Future.fromCompletionStage(stored, vertx.getOrCreateContext()).onComplete(done -> {
            vertx.cancelTimer(timer);
            result.tryComplete(done.succeeded() ? Optional.of(done.result()) : Optional.empty());
        });
        return result.future();
    }

    private void accepted(RoutingContext ctx, String id) {
        ctx.response().putHeader(HttpHeaders.LOCATION, location(id));
        json(ctx, 202, new JsonObject().put("id", id).put("status", "accepted"));
    }

    private String location(String id) {
        return "/store/" + kind.plural() + "/" + id;
    }

    private String singular() {
        return kind.plural().equals("searches") ? "search" : "offer";
    }

    private static void json(RoutingContext ctx, int status, JsonObject body) {
        ctx.response()
                .setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(body.encode());
    }
}
