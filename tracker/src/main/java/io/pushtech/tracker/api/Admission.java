package io.pushtech.tracker.api;

import io.pushtech.tracker.domain.RateLimiter;
import io.pushtech.tracker.domain.TrustedProxies;
import java.util.List;

/**
 * Who may send events and how fast: browser origins, the proxies whose forwarded addresses are believed, the rate
 * limits per client address and per device, and how long a request may take to arrive.
 *
 * @param corsOrigins allowed browser origins; {@code *} allows any
 * @param requestTimeoutMillis a request still incomplete after this (a slow or stalled client) is answered 408
 */
public record Admission(
        List<String> corsOrigins,
        TrustedProxies proxies,
        RateLimiter perAddress,
        RateLimiter perDevice,
        long requestTimeoutMillis) {

    public Admission {
        corsOrigins = List.copyOf(corsOrigins);
    }
}
