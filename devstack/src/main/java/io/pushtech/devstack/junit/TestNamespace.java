package io.pushtech.devstack.junit;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A name that keeps one test class's data apart from the others' on the shared stack: services built in a test
 * take it as their namespace, which prefixes topic names, Redis keys and the MongoDB database name.
 *
 * @param value lowercase letters, digits and dashes, at most {@value #MAX_LENGTH} characters
 */
public record TestNamespace(String value) {

    public static final int MAX_LENGTH = 40;

    private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final int SUFFIX_LENGTH = 6;
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    public TestNamespace {
        Objects.requireNonNull(value, "value");
        if (value.length() > MAX_LENGTH || !VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("a test namespace is 1 to " + MAX_LENGTH
                    + " characters of [a-z0-9-] starting with a letter or digit: " + value);
        }
    }

    /** A new namespace for {@code testClass}: its simple name in lowercase and a random suffix. */
    public static TestNamespace forTestClass(Class<?> testClass) {
        String base = testClass
                .getSimpleName()
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        int maxBase = MAX_LENGTH - SUFFIX_LENGTH - 1;
        if (base.length() > maxBase) {
            base = base.substring(0, maxBase).replaceAll("-+$", "");
        }
        String suffix = randomSuffix();
        return new TestNamespace(base.isEmpty() ? suffix : base + "-" + suffix);
    }

    @Override
    public String toString() {
        return value;
    }

    private static String randomSuffix() {
        StringBuilder suffix = new StringBuilder(SUFFIX_LENGTH);
        for (int i = 0; i < SUFFIX_LENGTH; i++) {
            suffix.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return suffix.toString();
    }
}
