package io.pushtech.common.http;

import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;

/** Writes the platform's JSON error body. */
public final class ErrorResponses {

    private ErrorResponses() {}

    /** Completes when the answer is written; at once when the response had already ended. */
    public static Future<Void> send(HttpServerResponse response, ApiException error) {
        JsonObject body = new JsonObject().put("code", error.code()).put("message", error.getMessage());
        error.field().ifPresent(field -> body.put("field", field));
        if (response.ended()) {
            return Future.succeededFuture();
        }
        return response.setStatusCode(error.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(new JsonObject().put("error", body).encode());
    }
}
