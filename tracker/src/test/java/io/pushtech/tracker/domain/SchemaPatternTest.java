package io.pushtech.tracker.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The table form of simple patterns against the regex engine, the reference. */
class SchemaPatternTest {

    private static final String CHARS = "aZz09_.-:@ /<[]^\\\t\n\r\u0085\u2028é\uD83D\uDE00";

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "^[A-Za-z0-9_.-]{1,64}$",
                "^[A-Za-z0-9_.:@-]{1,128}$",
                "^[-a-c]{0,3}$",
                "^[a-]{2,2}$",
                "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$",
                "[a-z]+"
            })
    void findsWhatTheRegexEngineFinds(String regex) {
        // Given
        Random random = new Random(regex.hashCode());
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(4) == 0 ? random.nextInt(140) : random.nextInt(6);
            for (int j = 0; j < length; j++) {
                text.append(
                        random.nextInt(3) == 0
                                ? CHARS.charAt(random.nextInt(CHARS.length()))
                                : (char) ('a' + random.nextInt(6)));
            }
            texts.add(text.toString());
        }
        SchemaPattern pattern = SchemaPattern.compile(regex);
        Pattern reference = Pattern.compile(regex);

        // When
        List<String> disagreements = texts.stream()
                .filter(text -> pattern.find(text) != reference.matcher(text).find())
                .toList();

        // Then
        assertThat(disagreements).isEmpty();
    }
}
