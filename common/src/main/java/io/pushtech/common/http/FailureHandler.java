package io.pushtech.common.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where a failed request becomes a JSON error: {@link ApiException}s keep their status
 * and code, framework failures (body too large, unsupported method) get theirs, and anything else is
 * a 500 that never shows a stack trace to the client. Runs on the event loop.
 */
public final class FailureHandler implements Handler<RoutingContext> {

    private static final Logger LOGGER = LoggerFactory.getLogger(FailureHandler.class);

    private final long maxBodyBytes;

    public FailureHandler(long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void handle(RoutingContext ctx) {
        ErrorResponses.send(ctx.response(), toApiException(ctx));
    }

    private ApiException toApiException(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        if (failure instanceof ApiException apiException) {
            return apiException;
        }
        int status = ctx.statusCode();
        if (status == 413) {
            return new ApiException(
                    413, "payload_too_large", "request body is larger than the limit of " + maxBodyBytes + " bytes");
        }
        if (!QueryStrings.decodes(ctx.request().query())) {
            // where a handler reads the parameters, a bad escape throws; the query may carry a token, so no log
            return QueryStrings.malformedQuery();
        }
        if (status >= 400 && status < 500) {
            return new ApiException(status, "bad_request", "the request was rejected with status " + status);
        }
        LOGGER.atError()
                .addKeyValue("method", ctx.request().method())
                .addKeyValue("path", ctx.request().path())
                .setCause(failure)
                .log("request failed");
        return new ApiException(500, "internal_error", "the server failed to handle the request");
    }
}
