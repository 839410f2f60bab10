package io.pushtech.storage.api;

import io.pushtech.common.http.ApiException;
import io.pushtech.storage.domain.Ids;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers {@code 404} for a path {@code id} that nothing can have (see {@link Ids}) before the request is
 * validated or a store is asked, so a value that merely looks like JSON is not found rather than a schema error.
 * Runs on the event loop.
 */
final class PathIds implements Handler<RoutingContext> {

    private final String notFound;

    PathIds(String notFound) {
        this.notFound = notFound;
    }

    @Override
    public void handle(RoutingContext ctx) {
        if (Ids.isValid(ctx.pathParam("id"))) {
            ctx.next();
        } else {
            ctx.fail(ApiException.notFound(notFound));
        }
    }
}
