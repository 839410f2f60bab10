package io.pushtech.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Utf8Test {

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "plain ascii {\"a\":1}", "Grüße", "€ 5", "😀 emoji", "日本語"})
    void wellFormedTextPasses(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        assertThat(Utf8.isWellFormed(bytes)).isTrue();
        assertThat(Utf8.decodeStrictly(bytes)).hasValue(text);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "never in UTF-8, 61 FF",
        "overlong slash, C0 AF",
        "overlong three bytes, E0 80 AF",
        "encoded surrogate, ED A0 80",
        "past U+10FFFF, F4 90 80 80",
        "cut short, 61 E2 82",
        "lone continuation byte, 80"
    })
    void malformedBytesAreCaught(String name, String hex) {
        byte[] bytes = HexFormat.ofDelimiter(" ").parseHex(hex);
        assertThat(Utf8.isWellFormed(bytes)).isFalse();
        assertThat(Utf8.decodeStrictly(bytes)).isEmpty();
    }
}
