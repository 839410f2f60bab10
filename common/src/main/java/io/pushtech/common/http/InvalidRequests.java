package io.pushtech.common.http;

import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;

/**
 * Answers a request that is not valid HTTP/1.1 (a request line or headers over the limits, a malformed header,
 * a broken length) with the platform's JSON error rather than the server's empty body, then closes the connection:
 * what follows on it cannot be trusted to start a request. Runs on the event loop.
 */
public final class InvalidRequests implements Handler<HttpServerRequest> {

    private final int maxRequestLineBytes;
    private final int maxHeaderBytes;

    public InvalidRequests(int maxRequestLineBytes, int maxHeaderBytes) {
        this.maxRequestLineBytes = maxRequestLineBytes;
        this.maxHeaderBytes = maxHeaderBytes;
    }

    @Override
    public void handle(HttpServerRequest request) {
        Throwable cause = request.decoderResult().cause();
        ApiException error;
        if (cause instanceof TooLongHttpLineException) {
            error = new ApiException(
                    414,
                    "uri_too_long",
                    "the request line (method, path and query) is longer than " + maxRequestLineBytes + " bytes");
        } else if (cause instanceof TooLongHttpHeaderException) {
            error = new ApiException(
                    431, "headers_too_large", "the request's headers are larger than " + maxHeaderBytes + " bytes");
        } else {
            error = new ApiException(400, "bad_request", "the request is not valid HTTP/1.1");
        }
        ErrorResponses.send(request.response(), error)
                .onComplete(ignored -> request.connection().close());
    }
}
