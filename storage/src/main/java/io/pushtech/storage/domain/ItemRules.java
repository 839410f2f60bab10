package io.pushtech.storage.domain;

/** Checks shared by searches and offers. */
final class ItemRules {

    static final int MAX_CATEGORY_LENGTH = 64;

    private ItemRules() {}

    static void requireId(String value, String field) {
        if (!Ids.isValid(value)) {
            throw new InvalidItemException(
                    "invalid", field + " must be 1 to 128 characters among A-Z a-z 0-9 _ . : @ -", field);
        }
    }

    static void requireLength(String value, int min, int max, String field) {
        if (value.length() < min) {
            throw new InvalidItemException("missing", field + " is required", field);
        }
        if (value.length() > max) {
            throw new InvalidItemException("too_long", field + " must be at most " + max + " characters", field);
        }
    }
}
