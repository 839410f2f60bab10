package io.pushtech.tracker.domain;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A schema's {@code pattern}, found in a string as the reference validator does ({@link Matcher#find}). A pattern
 * of the form {@code ^[A-Za-z0-9_.-]{1,64}$} (one ASCII character class, repeated), the form of most of the event
 * schema's patterns, is checked with a table instead of the regex engine. Thread-safe.
 */
final class SchemaPattern {

    private static final Pattern CHAR_CLASS_RUN =
            Pattern.compile("\\^\\[([\\x20-\\x7e&&[^\\[\\]\\\\^&]]+)\\]\\{(\\d+),(\\d+)\\}\\$");

    private final Pattern regex;
    private final boolean[] allowed;
    private final int min;
    private final int max;

    private SchemaPattern(Pattern regex, boolean[] allowed, int min, int max) {
        this.regex = regex;
        this.allowed = allowed;
        this.min = min;
        this.max = max;
    }

    static SchemaPattern compile(String regex) {
        Matcher run = CHAR_CLASS_RUN.matcher(regex);
        if (!run.matches()) {
            return new SchemaPattern(Pattern.compile(regex), null, 0, 0);
        }
        return new SchemaPattern(
                Pattern.compile(regex),
                members(run.group(1)),
                Integer.parseInt(run.group(2)),
                Integer.parseInt(run.group(3)));
    }

    boolean find(String text) {
        // $ also matches before a final line break: such text goes to the regex engine
        if (allowed == null || !text.isEmpty() && isLineBreak(text.charAt(text.length() - 1))) {
            return regex.matcher(text).find();
        }
        if (text.length() < min || text.length() > max) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= allowed.length || !allowed[c]) {
                return false;
            }
        }
        return true;
    }

    /** The characters of a class such as {@code A-Za-z0-9_.-} ('-' between two characters is a range). */
    private static boolean[] members(String members) {
        boolean[] allowed = new boolean[128];
        for (int i = 0; i < members.length(); i++) {
            boolean range = i + 2 < members.length() && members.charAt(i + 1) == '-';
            char last = range ? members.charAt(i + 2) : members.charAt(i);
            for (char c = members.charAt(i); c <= last; c++) {
                allowed[c] = true;
            }
            i += range ? 2 : 0;
        }
        return allowed;
    }

    private static boolean isLineBreak(char c) {
        return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }
}
