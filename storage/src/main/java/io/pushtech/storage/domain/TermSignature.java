package io.pushtech.storage.domain;

import java.util.Optional;
import java.util.Set;

/**
 * A 64-bit Bloom-style signature of an item's terms and normalized category: one bit per term. When a
 * search's terms and category are among an offer's, the search's signature bits are among the offer's, so
 * a candidate whose bits miss one of them is turned down without reading it; one whose bits are all there
 * may still not match (two terms can share a bit) and is checked exactly.
 */
final class TermSignature {

    private TermSignature() {}

    static long of(Set<String> terms, Optional<String> normalizedCategory) {
        long bits = 0;
        for (String term : terms) {
            bits |= bit(term);
        }
        // The prefix keeps a category's bit apart from the same word's as a term (selectivity only).
        return normalizedCategory.map(c -> bit(":" + c)).orElse(0L) | bits;
    }

    /** Whether every bit of {@code part} is in {@code whole}. */
    static boolean within(long part, long whole) {
        return (part & ~whole) == 0;
    }

    private static long bit(String text) {
        int h = text.hashCode();
        return 1L << ((h ^ (h >>> 16)) & 63);
    }
}
