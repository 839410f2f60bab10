package io.pushtech.tracker.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pushtech.common.Json;
import io.pushtech.common.Streams;
import io.pushtech.common.event.RequestEvents;
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

/** The stream entry's JSON against the platform's object mapper, the reference for the entry format. */
class EventJsonTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void writesTheEventsByRequestAsTheObjectMapperWritesThem(long seed) {
        // Given
        List<List<TrackingEvent>> requests = requests(new Random(seed), 40);

        // When
        byte[] written = new EventJson().write(flat(requests));

        // Then
        assertThat(text(written)).isEqualTo(text(Json.toBytes(Map.of(Streams.REQUESTS, byRequest(requests)))));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {5, 6})
    void readsBackAsTheSameEvents(long seed) {
        // Given
        List<TrackingEvent> events = flat(requests(new Random(seed), 40));

        // When
        byte[] written = new EventJson().write(events);

        // Then
        JsonNode entry = Json.tree(written);
        List<TrackingEvent> read = new ArrayList<>();
        for (JsonNode node : entry.get(Streams.REQUESTS)) {
            RequestEvents request = Json.convert(node, RequestEvents.class);
            request.events().forEach(event -> read.add(request.eventOf(event)));
        }
        assertThat(read)
                .usingRecursiveFieldByFieldElementComparatorIgnoringFields("props")
                .isEqualTo(events);
        assertThat(read)
                .extracting(e -> Json.toText(e.props()))
                .isEqualTo(events.stream().map(e -> Json.toText(e.props())).toList());
    }

    @Test
    void eventsOfOneRequestShareWhatTheTrackerAddedAndTheirTimeIsLeftOutWhenItIsTheReceiveTime() {
        // Given
        TrackingEvent first = new TrackingEvent(
                "e1", "view", T0, T0, "d1", null, null, null, null, Map.of(), "203.0.113.7", "Mozilla/5.0");
        TrackingEvent second = new TrackingEvent(
                "e2",
                "view",
                T0.minusSeconds(5),
                T0,
                "d1",
                null,
                null,
                null,
                null,
                Map.of(),
                "203.0.113.7",
                "Mozilla/5.0");

        // When
        String written = text(new EventJson().write(List.of(first, second)));

        // Then
        assertThat(written)
                .isEqualTo("{\"requests\":[{\"receivedAt\":\"2026-11-23T10:00:00Z\",\"ip\":\"203.0.113.7\","
                        + "\"userAgent\":\"Mozilla/5.0\",\"events\":[{\"id\":\"e1\",\"type\":\"view\","
                        + "\"deviceId\":\"d1\",\"props\":{}},{\"id\":\"e2\",\"type\":\"view\","
                        + "\"ts\":\"2026-11-23T09:59:55Z\",\"deviceId\":\"d1\",\"props\":{}}]}]}");
    }

    @Test
    void eachEntryOfOneWriterHoldsOnlyItsOwnEvents() {
        // Given one writer, a large entry (beyond the buffer it keeps) and then smaller ones
        Random random = new Random(4);
        EventJson json = new EventJson();
        List<List<List<TrackingEvent>>> entries = new ArrayList<>();
        for (int size : new int[] {1_000, 1, 20, 1}) {
            entries.add(requests(random, size));
        }

        // When / Then
        for (List<List<TrackingEvent>> requests : entries) {
            assertThat(text(json.write(flat(requests))))
                    .isEqualTo(text(Json.toBytes(Map.of(Streams.REQUESTS, byRequest(requests)))));
        }
    }

    /** Requests of 1 to 20 events each; consecutive requests differ in their receive time. */
    private static List<List<TrackingEvent>> requests(Random random, int count) {
        List<List<TrackingEvent>> requests = new ArrayList<>();
        for (int r = 0; r < count; r++) {
            Instant receivedAt = T0.plusMillis(r).plusNanos(random.nextInt(3) * 1_000L * random.nextInt(1_000));
            String ip = random.nextBoolean() ? null : "203.0.113." + random.nextInt(256);
            String userAgent = random.nextBoolean() ? null : "Mozilla/5.0 (ü; \u2028)";
            List<TrackingEvent> events = new ArrayList<>();
            for (int i = 1 + random.nextInt(20); i > 0; i--) {
                events.add(event(random, receivedAt, ip, userAgent));
            }
            requests.add(events);
        }
        return requests;
    }

    private static List<TrackingEvent> flat(List<List<TrackingEvent>> requests) {
        return requests.stream().flatMap(List::stream).toList();
    }

    /** What the entry holds, as the mapper's records: each request's shared fields once. */
    private static List<RequestEvents> byRequest(List<List<TrackingEvent>> requests) {
        return requests.stream().map(RequestEvents::of).toList();
    }

    private static TrackingEvent event(Random random, Instant receivedAt, String ip, String userAgent) {
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
                ip,
                userAgent,
                corrected ? receivedAt.minusSeconds(7_200) : null,
                random.nextInt(3) == 0 ? Boolean.TRUE : null);
    }

    private static String text(byte[] json) {
        return new String(json, StandardCharsets.UTF_8);
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
