package io.pushtech.storage.domain;

import java.time.Instant;
import java.util.Currency;

/**
 * Rules a value must meet when a client writes it, beyond the invariants every stored item keeps: they are not
 * applied to items read back from the log or MongoDB, so an item stored before a rule existed stays readable (and
 * an expiry that has passed since is no reason to drop it). Pure and thread-safe.
 */
public final class InputRules {

    private InputRules() {}

    /**
     * Text is valid Unicode (no unpaired surrogate, which has no UTF-8 form) without control characters; a
     * {@code multiline} text may hold line breaks and tabs.
     */
    public static void requireText(String value, String field, boolean multiline) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)
                    && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new InvalidItemException(
                        "invalid_utf8", field + " is not valid Unicode text (an unpaired surrogate)", field);
            } else if (Character.isISOControl(c) && !(multiline && (c == '\n' || c == '\r' || c == '\t'))) {
                throw new InvalidItemException(
                        "control_character",
                        field
                                + (multiline
                                        ? " may hold no control characters other than line breaks and tabs"
                                        : " may hold no control characters such as line breaks"),
                        field);
            }
        }
    }

    /** A currency code of ISO 4217, as {@link Currency} knows them. */
    public static void requireCurrency(String code, String field) {
        try {
            Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw new InvalidItemException("invalid", field + " must be an ISO 4217 currency code such as EUR", field);
        }
    }

    /** An expiry is after {@code now}: an item that would be expired at once is a mistake, not a request. */
    public static void requireFuture(Instant at, Instant now, String field) {
        if (!at.isAfter(now)) {
            throw new InvalidItemException("out_of_range", field + " must be in the future", field);
        }
    }
}
