package io.pushtech.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CanonicalInstantsTest {

    record Stamped(Instant at) {}

    @Test
    void readsEveryCanonicalFormAsInstantParseDoes() {
        Random random = new Random(42);
        for (int i = 0; i < 100_000; i++) {
            long seconds = random.nextLong(Instant.parse("9999-12-31T23:59:59Z").getEpochSecond());
            int nanos =
                    switch (i % 4) {
                        case 0 -> 0;
                        case 1 -> random.nextInt(1000) * 1_000_000;
                        case 2 -> random.nextInt(1_000_000) * 1_000;
                        default -> random.nextInt(1_000_000_000);
                    };
            String text = Instant.ofEpochSecond(seconds, nanos).toString();

            Instant instant = Instant.ofEpochSecond(seconds, nanos);
            assertThat(CanonicalInstants.format(instant)).isEqualTo(instant.toString());
            assertThat(CanonicalInstants.parse(text)).as(text).isEqualTo(instant);
        }
    }

    @Test
    void writesInstantsOutsideFourDigitYearsAsInstantDoes() {
        for (Instant instant : new Instant[] {Instant.MIN, Instant.MAX, Instant.parse("-0001-01-01T00:00:00Z")}) {
            assertThat(CanonicalInstants.format(instant)).isEqualTo(instant.toString());
        }
    }

    @Test
    void leavesOtherFormsToTheGeneralParser() {
        for (String text : new String[] {
            "2026-11-24T05:56:26+01:00",
            "2026-11-24T04:56:26.Z",
            "2026-11-24T04:56:26.1234567890Z",
            "2026-02-30T04:56:26Z",
            "2026-11-24T24:00:00Z",
            "2026-11-24T04:60:00Z",
            "2026-11-24T04:56:60Z",
            "2026-11-24 04:56:26Z",
            "2026-1a-24T04:56:26Z",
            "+12026-11-24T04:56:26Z",
            "",
        }) {
            assertThat(CanonicalInstants.parse(text)).as(text).isNull();
        }
    }

    @Test
    void jsonWritesAndReadsCanonicalTimesAndReadsOffsetTimesAndRejectsImpossibleOnes() {
        assertThat(Json.toText(new Stamped(Instant.parse("2026-11-24T04:56:26.365Z"))))
                .isEqualTo("{\"at\":\"2026-11-24T04:56:26.365Z\"}");
        assertThat(Json.parse("{\"at\":\"2026-11-24T04:56:26.365Z\"}", Stamped.class)
                        .at())
                .isEqualTo(Instant.parse("2026-11-24T04:56:26.365Z"));
        assertThat(Json.parse("{\"at\":\"2026-11-24T05:56:26+01:00\"}", Stamped.class)
                        .at())
                .isEqualTo(Instant.parse("2026-11-24T04:56:26Z"));
        assertThatThrownBy(() -> Json.parse("{\"at\":\"2026-02-30T04:56:26Z\"}", Stamped.class))
                .isInstanceOf(UncheckedIOException.class);
    }
}
