package io.pushtech.common;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Reads and writes instants in the canonical UTC form of {@link Instant#toString()} ({@code 2026-11-24T04:56:26.365Z})
 * without {@code DateTimeFormatter}, whose parsing and printing cost about as much as the rest of an event's JSON
 * mapping; every record of the platform carries such times. Exactly {@link Instant#parse} and
 * {@link Instant#toString()} for the years 0 to 9999; other forms are left to them.
 */
public final class CanonicalInstants {

    private static final int SECONDS_END = "2026-11-24T04:56:26".length();
    private static final int MAX_FRACTION_DIGITS = 9;
    private static final long FIRST_SECOND =
            Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
    private static final long LAST_SECOND =
            Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();

    private CanonicalInstants() {}

    /** The instant {@code text} names in the canonical form, or {@code null} when it is in any other form. */
    static Instant parse(String text) {
        int length = text.length();
        if (length < SECONDS_END + 1
                || length > SECONDS_END + 2 + MAX_FRACTION_DIGITS
                || text.charAt(length - 1) != 'Z'
                || text.charAt(4) != '-'
                || text.charAt(7) != '-'
                || text.charAt(10) != 'T'
                || text.charAt(13) != ':'
                || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        int nanos = fraction(text, SECONDS_END, length - 1);
        if (year < 0
                || month < 0
                || day < 0
                || hour < 0
                || hour > 23
                || minute < 0
                || minute > 59
                || second < 0
                || second > 59
                || nanos < 0) {
            return null;
        }
        long epochDay;
        try {
            epochDay = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException e) {
            return null;
        }
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    }

    /** {@code instant.toString()}. */
    public static String format(Instant instant) {
        if (instant.getEpochSecond() < FIRST_SECOND || instant.getEpochSecond() > LAST_SECOND) {
            return instant.toString();
        }
        LocalDateTime time = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
        int nanos = instant.getNano();
        int fractionDigits = nanos == 0 ? 0 : nanos % 1_000_000 == 0 ? 3 : nanos % 1_000 == 0 ? 6 : 9;
        char[] text = new char[SECONDS_END + (fractionDigits == 0 ? 0 : 1 + fractionDigits) + 1];
        put(text, 0, 4, time.getYear());
        text[4] = '-';
        put(text, 5, 7, time.getMonthValue());
        text[7] = '-';
        put(text, 8, 10, time.getDayOfMonth());
        text[10] = 'T';
        put(text, 11, 13, time.getHour());
        text[13] = ':';
        put(text, 14, 16, time.getMinute());
        text[16] = ':';
        put(text, 17, 19, time.getSecond());
        if (fractionDigits > 0) {
            text[SECONDS_END] = '.';
            int fraction = nanos;
            for (int i = fractionDigits; i < MAX_FRACTION_DIGITS; i++) {
                fraction /= 10;
            }
            put(text, SECONDS_END + 1, SECONDS_END + 1 + fractionDigits, fraction);
        }
        text[text.length - 1] = 'Z';
        return new String(text);
    }

    /** The nanoseconds of an optional fraction {@code .d…d} between {@code from} and {@code to}; -1 when malformed. */
    private static int fraction(String text, int from, int to) {
        if (from == to) {
            return 0;
        }
        if (text.charAt(from) != '.' || to - from < 2) {
            return -1;
        }
        int value = digits(text, from + 1, to);
        if (value < 0) {
            return -1;
        }
        for (int i = to - from - 1; i < MAX_FRACTION_DIGITS; i++) {
            value *= 10;
        }
        return value;
    }

    /** The decimal number written in {@code text} from {@code from} to {@code to}; -1 when not all digits. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** Writes {@code value} zero-padded into {@code text} from {@code from} to {@code to}. */
    private static void put(char[] text, int from, int to, int value) {
        for (int i = to - 1; i >= from; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
