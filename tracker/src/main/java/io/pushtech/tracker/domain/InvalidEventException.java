package io.pushtech.tracker.domain;

/** An event that breaks a validation rule; {@code code} is the stable reason a client can act on. */
public final class InvalidEventException extends RuntimeException {

    private final String code;
    private final String field;

    public InvalidEventException(String code, String field, String message) {
        super(message, null, false, false);
        this.code = code;
        this.field = field;
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }
}
