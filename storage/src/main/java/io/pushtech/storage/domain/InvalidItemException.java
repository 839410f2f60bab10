package io.pushtech.storage.domain;

/** A search, offer or query that breaks a rule of the model, with a stable code and the offending field. */
public final class InvalidItemException extends RuntimeException {

    private final String code;
    private final String field;

    public InvalidItemException(String code, String message, String field) {
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
