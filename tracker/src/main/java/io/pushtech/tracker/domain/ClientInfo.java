package io.pushtech.tracker.domain;

/**
 * What the tracker knows of the sender of a request.
 *
 * @param ip client address, {@code null} when unknown
 * @param userAgent the {@code User-Agent} header, {@code null} when absent
 */
public record ClientInfo(String ip, String userAgent) {}
