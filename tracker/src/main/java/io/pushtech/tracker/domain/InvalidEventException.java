package io.pushtech.tracker.domain;

/** An event that breaks a validation rule, carrying the {@link Rejection} that says which. */
public final class InvalidEventException extends RuntimeException {

    private final Rejection rejection;

    public InvalidEventException(String code, String field, String message) {
        super(message, null, false, false);
        this.rejection = new Rejection(code, field, message);
    }

    public Rejection rejection() {
        return rejection;
    }
}
