package io.pushtech.tracker.api;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;

/** Tracking answers must never be served from a cache, or the next hit would not reach the tracker. */
final class NoCache {

    private NoCache() {}

    static HttpServerResponse apply(HttpServerResponse response) {
        return response.putHeader(HttpHeaders.CACHE_CONTROL, "no-store, no-cache, must-revalidate, max-age=0")
                .putHeader("Pragma", "no-cache")
                .putHeader(HttpHeaders.EXPIRES, "0");
    }
}
