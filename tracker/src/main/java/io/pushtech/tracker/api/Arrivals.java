package io.pushtech.tracker.api;

import io.pushtech.tracker.domain.Arrival;
import io.pushtech.tracker.domain.TrustedProxies;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Reads what the tracker records of a request's sender: the client address (behind trusted proxies), the user
 * agent, and neither when the client sends {@code X-Pushtech-Anonymous: 1}; the user a bearer token proved. Runs on
 * the event loop.
 */
final class Arrivals {

    static final String ANONYMOUS_HEADER = "X-Pushtech-Anonymous";

    private final Clock clock;
    private final TrustedProxies proxies;

    Arrivals(Clock clock, TrustedProxies proxies) {
        this.clock = clock;
        this.proxies = proxies;
    }

    Arrival of(RoutingContext ctx, Optional<Instant> sentAt) {
        Instant receivedAt = clock.instant();
        HttpServerRequest request = ctx.request();
        String user = ctx.get(UserTokens.VERIFIED_USER_ID);
        if ("1".equals(request.getHeader(ANONYMOUS_HEADER))) {
            return new Arrival(receivedAt, null, null, sentAt, user);
        }
        return new Arrival(receivedAt, clientAddress(request), request.getHeader(HttpHeaders.USER_AGENT), sentAt, user);
    }

    /** The address a rate limit applies to; never dropped, even for anonymous clients (it is not stored). */
    String clientAddress(HttpServerRequest request) {
        // the connection's peer, read directly: the request's own remoteAddress() parses Forwarded headers first
        var peer = request.connection().remoteAddress();
        return proxies.clientAddress(peer == null ? null : peer.hostAddress(), request.getHeader("X-Forwarded-For"));
    }
}
