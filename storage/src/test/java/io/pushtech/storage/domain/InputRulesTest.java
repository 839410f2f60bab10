package io.pushtech.storage.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InputRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"bike\u0000", "a\nb", "tab\there", "\u007f", "\u0085"})
    void refusesControlCharactersInOneLineText(String title) {
        // When
        InvalidItemException refused =
                catchThrowableOfType(InvalidItemException.class, () -> InputRules.requireText(title, "title", false));

        // Then
        assertThat(refused.code()).isEqualTo("control_character");
        assertThat(refused.field()).isEqualTo("title");
    }

    @Test
    void multilineTextMayHoldLineBreaksAndTabs() {
        // When / Then
        assertThatCode(() -> InputRules.requireText("28 inch\r\n\tgood tyres", "description", true))
                .doesNotThrowAnyException();
    }

    @Test
    void multilineTextRefusesOtherControlCharacters() {
        // When
        InvalidItemException refused = catchThrowableOfType(
                InvalidItemException.class, () -> InputRules.requireText("bell\u0007", "description", true));

        // Then
        assertThat(refused.code()).isEqualTo("control_character");
    }

    @ParameterizedTest
    @ValueSource(strings = {"t\ud800", "\udc00t", "\ud800\ud800\udc00x\udbff"})
    void refusesUnpairedSurrogates(String title) {
        // When
        InvalidItemException refused =
                catchThrowableOfType(InvalidItemException.class, () -> InputRules.requireText(title, "title", false));

        // Then
        assertThat(refused.code()).isEqualTo("invalid_utf8");
        assertThat(refused.field()).isEqualTo("title");
    }

    @Test
    void acceptsPairedSurrogatesAndAccents() {
        // When / Then
        assertThatCode(() -> InputRules.requireText("Vélo \uD83D\uDEB2 Straße", "title", false))
                .doesNotThrowAnyException();
    }

    @Test
    void refusesACurrencyOutsideIso4217() {
        // When
        InvalidItemException refused = catchThrowableOfType(
                InvalidItemException.class, () -> InputRules.requireCurrency("ZZZ", "price.currency"));

        // Then
        assertThat(refused.code()).isEqualTo("invalid");
        assertThat(refused.field()).isEqualTo("price.currency");
    }

    @Test
    void acceptsAnIso4217Currency() {
        // When / Then
        assertThatCode(() -> InputRules.requireCurrency("EUR", "price.currency"))
                .doesNotThrowAnyException();
    }

    @Test
    void refusesAnExpiryThatHasPassed() {
        // Given
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        // When
        InvalidItemException refused = catchThrowableOfType(
                InvalidItemException.class,
                () -> InputRules.requireFuture(Instant.parse("2000-01-01T00:00:00Z"), now, "expiresAt"));

        // Then
        assertThat(refused.code()).isEqualTo("out_of_range");
        assertThat(refused.field()).isEqualTo("expiresAt");
    }
}
