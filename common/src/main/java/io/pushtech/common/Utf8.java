package io.pushtech.common;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Strict UTF-8, for what clients send: the JSON parsers decode leniently (an overlong {@code C0 AF} becomes
 * {@code /}, an encoded surrogate a lone one, a stray byte a replacement character), so what a client meant and
 * what is stored could differ. Pure and thread-safe.
 */
public final class Utf8 {

    private Utf8() {}

    /** Whether {@code bytes} are well-formed UTF-8: no overlong forms, no encoded surrogates, nothing past U+10FFFF. */
    public static boolean isWellFormed(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return decodeStrictly(bytes).isPresent();
            }
        }
        return true;
    }

    /** The text {@code bytes} encode, or empty when they are not well-formed UTF-8. */
    public static Optional<String> decodeStrictly(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
