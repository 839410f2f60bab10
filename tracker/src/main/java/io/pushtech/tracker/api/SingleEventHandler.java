package io.pushtech.tracker.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.pushtech.common.event.TrackingEvent;
import io.pushtech.common.http.ApiException;
import io.pushtech.tracker.domain.EventIntake;
import io.pushtech.tracker.domain.InvalidEventException;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Optional;

/**
 * {@code POST /t}: one JSON event; {@code 204} once it is durable, {@code 400} with the reason otherwise. Event loop.
 */
final class SingleEventHandler implements Handler<RoutingContext> {

    private final EventIntake intake;
    private final Intake store;
    private final Arrivals arrivals;

    SingleEventHandler(EventIntake intake, Intake store, Arrivals arrivals) {
        this.intake = intake;
        this.store = store;
        this.arrivals = arrivals;
    }

    @Override
    public void handle(RoutingContext ctx) {
        JsonNode body = Intake.body(ctx);
        if (!body.isObject()) {
            throw ApiException.badRequest("not_an_object", "POST /t takes one event, a JSON object", null);
        }
        TrackingEvent event;
        try {
            event = intake.single(body, arrivals.of(ctx, Optional.empty()));
        } catch (InvalidEventException e) {
            store.countRejected(e.rejection());
            throw ApiException.badRequest(
                    e.rejection().code(), e.getMessage(), e.rejection().field());
        }
        store.store(ctx, List.of(event), () -> NoCache.apply(ctx.response())
                .setStatusCode(204)
                .end());
    }
}
