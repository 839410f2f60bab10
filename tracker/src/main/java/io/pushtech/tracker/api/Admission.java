package io.pushtech.tracker.api;

import io.pushtech.tracker.domain.RateLimiter;
import io.pushtech.tracker.domain.TrustedProxies;
import io.vertx.ext.auth.jwt.JWTAuth;
import java.util.List;
import java.util.Optional;

/**
 * Who may send events and how fast: browser origins, the tokens that prove a user, the proxies whose forwarded
 * addresses are believed, the rate limits per client address and per device, and how long a request may take to
 * arrive.
 *
 * @param corsOrigins allowed browser origins; {@code *} allows any
 * @param requestTimeoutMillis a request still incomplete after this (a slow or stalled client) is answered 408
 * @param tokens what verifies a bearer token sent with events; empty when no token secret is configured
 */
public record Admission(
        List<String> corsOrigins,
        TrustedProxies proxies,
        RateLimiter perAddress,
        RateLimiter perDevice,
        long requestTimeoutMillis,
        Optional<JWTAuth> tokens) {

    public Admission {
        corsOrigins = List.copyOf(corsOrigins);
    }
}
