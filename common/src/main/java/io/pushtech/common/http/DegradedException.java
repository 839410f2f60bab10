package io.pushtech.common.http;

/**
 * Thrown by a {@link ReadinessCheck} whose dependency is failing while the service still serves by a fallback
 * (e.g. the tracker journaling events while Redis is down): {@code /ready} then answers 200 with status
 * {@code DEGRADED}, so a load balancer keeps sending traffic but operators see the state.
 */
public final class DegradedException extends RuntimeException {

    public DegradedException(String message) {
        super(message, null, false, false);
    }
}
