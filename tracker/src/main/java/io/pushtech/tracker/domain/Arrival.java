package io.pushtech.tracker.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * What the tracker knows of a request when it arrives.
 *
 * @param receivedAt the tracker's clock at arrival
 * @param ip the client's address, {@code null} when unknown or when the client asked to stay anonymous
 * @param userAgent the {@code User-Agent} header, {@code null} when absent or anonymous
 * @param sentAt the batch's {@code sentAt} by the client's clock, when given
 * @param verifiedUserId the user the request proved with a bearer token, {@code null} without one
 */
public record Arrival(
        Instant receivedAt, String ip, String userAgent, Optional<Instant> sentAt, String verifiedUserId) {

    /** A request without a bearer token. */
    public Arrival(Instant receivedAt, String ip, String userAgent, Optional<Instant> sentAt) {
        this(receivedAt, ip, userAgent, sentAt, null);
    }
}
