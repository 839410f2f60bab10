package io.pushtech.storage.api;

import io.pushtech.common.http.ApiException;
import io.pushtech.storage.domain.DeviceLocation;
import io.pushtech.storage.infra.MongoLocationStore;
import io.vertx.core.Handler;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /store/locations/{deviceOrUserId}}: the latest location of a device, or of a user (from
 * whichever of their devices reported last). Reads MongoDB on a worker.
 */
public final class LocationHandler implements Handler<RoutingContext> {

    private final MongoLocationStore store;
    private final WorkerExecutor workers;

    public LocationHandler(MongoLocationStore store, WorkerExecutor workers) {
        this.store = store;
        this.workers = workers;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        workers.executeBlocking(() -> store.find(id), false).onComplete(result -> {
            if (result.failed()) {
                ctx.fail(result.cause());
            } else if (result.result().isEmpty()) {
                ctx.fail(ApiException.notFound("no location is known for " + id));
            } else {
                ctx.response()
                        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                        .end(toJson(result.result().get()).encode());
            }
        });
    }

    private static JsonObject toJson(DeviceLocation location) {
        JsonObject json = new JsonObject();
        location.deviceId().ifPresent(deviceId -> json.put("deviceId", deviceId));
        location.userId().ifPresent(userId -> json.put("userId", userId));
        json.put("lat", location.lat()).put("lng", location.lng());
        location.accuracy().ifPresent(accuracy -> json.put("accuracy", accuracy));
        return json.put("ts", location.ts().toString()).put("eventId", location.eventId());
    }
}
