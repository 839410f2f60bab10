package io.pushtech.tracker.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.pushtech.common.Json;
import io.pushtech.common.event.TrackingEvent;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The stream entry's JSON against the platform's object mapper, the reference for the event format. */
class EventJsonTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void writesTheSameBytesAsTheObjectMapper(long seed) {
        // Given
        Random random = new Random(seed);
        List<TrackingEvent> events = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            events.add(event(random));
        }

        // When
        byte[] written = new EventJson().write(events);

        // Then
        assertThat(new String(written, StandardCharsets.UTF_8))
                .isEqualTo(new String(Json.toBytes(events), StandardCharsets.UTF_8));
    }

    @Test
    void eachEntryOfOneWriterHoldsOnlyItsOwnEvents() {
        // Given one writer, a large entry (beyond the buffer it keeps) and then smaller ones
        Random random = new Random(4);
        EventJson json = new EventJson();
        List<List<TrackingEvent>> entries = new ArrayList<>();
        for (int size : new int[] {8_000, 3, 200, 1}) {
            List<TrackingEvent> events = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                events.add(event(random));
            }
            entries.add(events);
        }

        // When / Then
        for (List<TrackingEvent> events : entries) {
            assertThat(new String(json.write(events), StandardCharsets.UTF_8))
                    .isEqualTo(new String(Json.toBytes(events), StandardCharsets.UTF_8));
        }
    }

    private static TrackingEvent event(Random random) {
        Instant receivedAt = T0.plusNanos(random.nextInt(3) * 1_000L * random.nextInt(1_000_000));
        boolean corrected = random.nextInt(4) == 0;
        return new TrackingEvent(
                "id-" + random.nextInt(),
                random.nextBoolean() ? "location" : "view",
                random.nextBoolean() ? receivedAt : receivedAt.minusMillis(random.nextInt(100_000)),
                receivedAt,
                random.nextInt(4) == 0 ? null : "d-" + random.nextInt(100),
                random.nextBoolean() ? null : "u\"" + random.nextInt(100),
                random.nextBoolean() ? null : random.nextDouble() * 180 - 90,
                random.nextBoolean() ? null : (double) random.nextInt(180),
                random.nextBoolean() ? null : random.nextDouble() * 1e-5,
                random.nextInt(3) == 0 ? Map.of() : props(random, 0),
                random.nextBoolean() ? null : "203.0.113." + random.nextInt(256),
                random.nextBoolean() ? null : "Mozilla/5.0 (ü; \u2028)",
                corrected ? receivedAt.minusSeconds(7_200) : null);
    }

    /** Property values as a parsed request gives them: text, numbers, booleans, null, objects, arrays. */
    private static Map<String, Object> props(Random random, int depth) {
        Map<String, Object> props = new LinkedHashMap<>();
        int count = random.nextInt(5);
        for (int i = 0; i < count; i++) {
            props.put("p" + i + (random.nextInt(5) == 0 ? "\t\"é" : ""), propValue(random, depth));
        }
        return props;
    }

    private static Object propValue(Random random, int depth) {
        return switch (random.nextInt(depth < 2 ? 9 : 7)) {
            case 0 -> "text \\ \" </script> \uD83D\uDE00";
            case 1 -> random.nextInt();
            case 2 -> random.nextLong();
            case 3 -> random.nextDouble() * Math.pow(10, random.nextInt(40) - 20);
            case 4 -> BigInteger.TEN.pow(25).add(BigInteger.valueOf(random.nextInt()));
            case 5 -> random.nextBoolean();
            case 6 -> null;
            case 7 -> props(random, depth + 1);
            default -> new ArrayList<>(List.of(1, "two", 3.5, List.of()));
        };
    }
}
