package io.pushtech.tracker.domain;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8: the JSON parser decodes leniently (an overlong {@code C0 AF} becomes {@code /}, an encoded
 * surrogate a lone one), so a body is checked first. Pure and thread-safe.
 */
public final class Utf8 {

    private Utf8() {}

    /** Whether {@code bytes} are well-formed UTF-8: no overlong forms, no encoded surrogates, nothing past U+10FFFF. */
    public static boolean isWellFormed(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return decodesStrictly(bytes);
            }
        }
        return true;
    }

    private static boolean decodesStrictly(byte[] bytes) {
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
