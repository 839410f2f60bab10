package io.pushtech.tracker.api;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;

/** Tracking answers must never be served from a cache, or the next hit would not reach the tracker. */
final class NoCache {

    // encoded once rather than on every answer
    private static final CharSequence CACHE_CONTROL =
            HttpHeaders.createOptimized("no-store, no-cache, must-revalidate, max-age=0");
    private static final CharSequence PRAGMA = HttpHeaders.createOptimized("Pragma");
    private static final CharSequence NO_CACHE = HttpHeaders.createOptimized("no-cache");
    private static final CharSequence ZERO = HttpHeaders.createOptimized("0");

    private NoCache() {}

    static HttpServerResponse apply(HttpServerResponse response) {
        return response.putHeader(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL)
                .putHeader(PRAGMA, NO_CACHE)
                .putHeader(HttpHeaders.EXPIRES, ZERO);
    }
}
