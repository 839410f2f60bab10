package io.pushtech.kafidx.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Splits a filter's text into terms and a term at its operator, minding double quotes. */
final class FilterTokens {

    record Split(String left, String operator, String right) {}

    private FilterTokens() {}

    static List<String> split(String text) {
        List<String> tokens = new ArrayList<>();
        StringBuilder token = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted && c == '\\' && i + 1 < text.length()) {
                token.append(c).append(text.charAt(++i));
            } else if (c == '"') {
                quoted = !quoted;
                token.append(c);
            } else if (!quoted && Character.isWhitespace(c)) {
                if (!token.isEmpty()) {
                    tokens.add(token.toString());
                    token.setLength(0);
                }
            } else {
                token.append(c);
            }
        }
        if (quoted) {
            throw new InvalidFilterException("invalid_filter", "a quote is not closed: " + token);
        }
        if (!token.isEmpty()) {
            tokens.add(token.toString());
        }
        return tokens;
    }

    /** The token cut at its first operator outside quotes ({@code !=}, {@code =}, {@code ~}), if it has one. */
    static Optional<Split> operator(String token) {
        boolean quoted = false;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c == '\\' && quoted) {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '!' && i + 1 < token.length() && token.charAt(i + 1) == '=') {
                return Optional.of(new Split(token.substring(0, i), "!=", token.substring(i + 2)));
            } else if (!quoted && (c == '=' || c == '~')) {
                return Optional.of(new Split(token.substring(0, i), String.valueOf(c), token.substring(i + 1)));
            }
        }
        return Optional.empty();
    }

    /** The text with its quotes removed and its escapes ({@code \"}, {@code \\}) resolved. */
    static String unquote(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted && c == '\\' && i + 1 < text.length()) {
                out.append(text.charAt(++i));
            } else if (c == '"') {
                quoted = !quoted;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
