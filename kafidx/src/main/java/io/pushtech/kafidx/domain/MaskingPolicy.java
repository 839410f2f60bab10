package io.pushtech.kafidx.domain;

import java.util.List;

/**
 * What kafidx masks before an event leaves it.
 *
 * @param maskedFields field-name patterns (case-insensitive, {@code *} matches any characters) whose values are
 *     replaced by {@link Masker#MASK}
 * @param coordinateFields field names of coordinates, rounded to {@code decimals}
 * @param decimals decimals a coordinate keeps
 */
public record MaskingPolicy(List<String> maskedFields, List<String> coordinateFields, int decimals) {

    public MaskingPolicy {
        maskedFields = List.copyOf(maskedFields);
        coordinateFields = List.copyOf(coordinateFields);
        if (decimals < 0) {
            throw new IllegalArgumentException("decimals must not be negative");
        }
    }
}
