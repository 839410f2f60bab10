package io.pushtech.kafidx.domain;

/** A filter that cannot be used, with a stable code ({@code invalid_filter} or {@code masked_field}). */
public final class InvalidFilterException extends RuntimeException {

    private final String code;

    public InvalidFilterException(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
