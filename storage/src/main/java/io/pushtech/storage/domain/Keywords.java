package io.pushtech.storage.domain;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Keyword normalization, applied alike to search keywords, offer texts and query terms: lower case
 * (locale-neutral), accents removed (Unicode NFD without combining marks, and {@code ß} as {@code ss}),
 * split on anything that is not a letter or digit, and a simple English/Romance plural rule on words of
 * four letters or more: {@code -ies} becomes {@code -y}, {@code -es} after {@code s}, {@code x}, {@code z},
 * {@code ch} or {@code sh} is dropped, and a final {@code -s} not preceded by {@code s}, {@code u} or
 * {@code i} is dropped. So "Red BIKES", "red bike" and "réd Bike" have the same terms.
 */
public final class Keywords {

    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{Nd}]+");

    private Keywords() {}

    /** The normalized terms of a text, in order of first appearance, without duplicates. */
    public static Set<String> terms(String text) {
        Set<String> terms = new LinkedHashSet<>();
        if (text == null) {
            return terms;
        }
        String folded = COMBINING_MARKS
                .matcher(Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD))
                .replaceAll("")
                .replace("ß", "ss");
        for (String word : SEPARATORS.split(folded)) {
            if (!word.isEmpty()) {
                terms.add(singular(word));
            }
        }
        return terms;
    }

    /** One normalized term: the whole text folded as {@link #terms} folds it, words joined by a space. */
    public static String normalized(String text) {
        return String.join(" ", terms(text));
    }

    static String singular(String word) {
        if (word.length() < 4) {
            return word;
        }
        if (word.endsWith("ies")) {
            return word.substring(0, word.length() - 3) + "y";
        }
        if (word.endsWith("ches")
                || word.endsWith("shes")
                || word.endsWith("sses")
                || word.endsWith("xes")
                || word.endsWith("zes")) {
            return word.substring(0, word.length() - 2);
        }
        char beforeS = word.charAt(word.length() - 2);
        if (word.endsWith("s") && beforeS != 's' && beforeS != 'u' && beforeS != 'i') {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }
}
