package io.pushtech.tracker.domain;

/**
 * Why an event was not accepted.
 *
 * @param code stable reason a client can act on, e.g. {@code out_of_range}
 * @param field the offending field, {@code null} when the event as a whole is wrong
 * @param message a sentence for the developer reading the response
 */
public record Rejection(String code, String field, String message) {}
