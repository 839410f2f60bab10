package io.pushtech.tracker.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.pushtech.common.Json;
import io.pushtech.common.event.EventIds;
import io.pushtech.common.event.TrackingEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EventIntakeTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final EventLimits LIMITS =
            new EventLimits(4096, 10, 4, 1024, Duration.ofDays(30), Duration.ofMinutes(10), Duration.ofSeconds(60));
    private static final Arrival ARRIVAL = new Arrival(NOW, "203.0.113.7", "curl/8", Optional.empty());

    private final EventIntake intake =
            new EventIntake(EventSchema.load(), LIMITS, new EventFactory(new EventIds(), LIMITS));

    @Test
    void readsTypedFieldsAndProperties() {
        // Given
        JsonNode json = json("{'type':'location','deviceId':'d1','userId':'u1','lat':52.52,'lng':13.4,'accuracy':12.5,"
                + "'ts':'2026-11-23T09:59:00Z','props':{'screen':'map','nested':{'n':1}}}");

        // When
        TrackingEvent event = intake.single(json, ARRIVAL);

        // Then
        assertThat(event.type()).isEqualTo("location");
        assertThat(event.deviceId()).isEqualTo("d1");
        assertThat(event.userId()).isEqualTo("u1");
        assertThat(event.lat()).isEqualTo(52.52);
        assertThat(event.accuracy()).isEqualTo(12.5);
        assertThat(event.ts()).isEqualTo(Instant.parse("2026-11-23T09:59:00Z"));
        assertThat(event.props()).containsEntry("screen", "map").containsEntry("nested", Map.of("n", 1));
        assertThat(event.ip()).isEqualTo("203.0.113.7");
        assertThat(event.receivedAt()).isEqualTo(NOW);
        assertThat(event.clientTs()).isNull();
    }

    @Test
    void propertiesAreTheJavaValuesTheObjectMapperWouldMake() {
        // Given
        JsonNode props = json("{'s':'x','i':1,'l':12345678901,'b':123456789012345678901234567890,'d':1.5e-7,"
                + "'t':true,'n':null,'a':[1,'two',{'k':[]}],'o':{'p':{'q':0.5}}}");
        JsonNode json = Json.object().put("type", "view").put("deviceId", "d1").set("props", props);

        // When
        TrackingEvent event = intake.single(json, ARRIVAL);

        // Then
        assertThat(event.props()).isEqualTo(Json.convert(props, Map.class));
    }

    @Test
    void keepsTheClientsEventIdSoResentEventsAreRecognisable() {
        // Given
        JsonNode json = json("{'type':'view','deviceId':'d1','eventId':'3F2504E0-4F89-11D3-9A0C-0305E82C3301'}");

        // When
        TrackingEvent event = intake.single(json, ARRIVAL);

        // Then
        assertThat(event.id()).isEqualTo("3f2504e0-4f89-11d3-9a0c-0305e82c3301");
    }

    @Test
    void assignsTimeOrderedIdsWhenTheClientSendsNone() {
        // Given
        JsonNode json = json("{'type':'view','deviceId':'d1'}");

        // When
        String first = intake.single(json, ARRIVAL).id();
        String second = intake.single(json, ARRIVAL).id();

        // Then
        assertThat(first.charAt(14)).isEqualTo('7');
        assertThat(first).isLessThan(second);
    }

    @Test
    void clientClockFarOffIsCorrectedAndTheOriginalTimeKept() {
        // Given the client's clock is two hours behind
        Arrival arrival = new Arrival(NOW, null, null, Optional.of(NOW.minus(Duration.ofHours(2))));
        JsonNode json = json("{'type':'view','deviceId':'d1','ts':'2026-11-23T07:55:00Z'}");

        // When
        TrackingEvent event = intake.single(json, arrival);

        // Then
        assertThat(event.ts()).isEqualTo(Instant.parse("2026-11-23T09:55:00Z"));
        assertThat(event.clientTs()).isEqualTo(Instant.parse("2026-11-23T07:55:00Z"));
    }

    @Test
    void ordinaryNetworkDelayIsNotTakenForClockSkew() {
        // Given sent 20 s before it arrived
        Arrival arrival = new Arrival(NOW, null, null, Optional.of(NOW.minusSeconds(20)));
        JsonNode json = json("{'type':'view','deviceId':'d1','ts':'2026-11-23T09:59:30Z'}");

        // When
        TrackingEvent event = intake.single(json, arrival);

        // Then
        assertThat(event.ts()).isEqualTo(Instant.parse("2026-11-23T09:59:30Z"));
        assertThat(event.clientTs()).isNull();
    }

    @Test
    void aTokensUserIsEveryEventsUserAndIsMarkedProved() {
        // Given a request that proved user u1
        Arrival arrival = new Arrival(NOW, null, null, Optional.empty(), "u1");

        // When
        TrackingEvent unnamed = intake.single(json("{'type':'view','deviceId':'d1'}"), arrival);
        TrackingEvent named = intake.single(json("{'type':'view','deviceId':'d1','userId':'u1'}"), arrival);

        // Then
        assertThat(unnamed.verifiedUserId()).hasValue("u1");
        assertThat(named.verifiedUserId()).hasValue("u1");
    }

    @Test
    void anEventNamingAnotherUserThanTheTokensIsRejected() {
        // Given
        Arrival arrival = new Arrival(NOW, null, null, Optional.empty(), "u1");

        // When / Then
        assertThatThrownBy(() -> intake.single(json("{'type':'view','deviceId':'d1','userId':'u2'}"), arrival))
                .isInstanceOfSatisfying(InvalidEventException.class, e -> {
                    assertThat(e.rejection().code()).isEqualTo("user_mismatch");
                    assertThat(e.rejection().field()).isEqualTo("userId");
                });
    }

    @Test
    void aUserWithoutATokenIsOnlyClaimed() {
        // When
        TrackingEvent event = intake.single(json("{'type':'view','userId':'u1'}"), ARRIVAL);

        // Then
        assertThat(event.userId()).isEqualTo("u1");
        assertThat(event.userVerified()).isNull();
        assertThat(event.verifiedUserId()).isEmpty();
    }

    @ParameterizedTest(name = "client clock {0} h off")
    @CsvSource({"-1", "1", "-48"})
    void anEventWithoutTsKeepsTheReceiveTimeWhateverTheClientsClock(int hoursOff) {
        // Given a client clock far off, and an event the client did not time
        Arrival arrival = new Arrival(NOW, null, null, Optional.of(NOW.plus(Duration.ofHours(hoursOff))));
        JsonNode json = json("{'type':'view','deviceId':'d1'}");

        // When
        TrackingEvent event = intake.single(json, arrival);

        // Then
        assertThat(event.ts()).isEqualTo(NOW);
        assertThat(event.clientTs()).isNull();
    }

    @ParameterizedTest(name = "{0} -> {1} on {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{'type':'location','deviceId':'d1','lat':91,'lng':1}               | out_of_range        | lat",
                "{'type':'location','deviceId':'d1','lat':1,'lng':-180.5}           | out_of_range        | lng",
                "{'type':'location','deviceId':'d1','lat':'north','lng':1}          | wrong_type          | lat",
                "{'type':'location','deviceId':'d1'}                                | missing_field       | lat",
                "{'type':'view','deviceId':'d1','lat':1}                            | missing_field       | lng",
                "{'type':'view'}                                                    | missing_device      | ",
                "{'deviceId':'d1'}                                                  | missing_field       | type",
                "{'type':'view','deviceId':'d1','color':'red'}                      | unknown_field       | color",
                "{'type':'<script>','deviceId':'d1'}                                | invalid_format      | type",
                "{'type':'view','deviceId':'d 1'}                                   | invalid_format      | deviceId",
                "{'type':'view','deviceId':'d1','eventId':'not-a-uuid'}             | invalid_format      | eventId",
                "{'type':'view','deviceId':'d1','ts':'yesterday'}                   | invalid_time        | ts",
                "{'type':'view','deviceId':'d1','ts':'2020-01-01T00:00:00Z'}        | ts_out_of_range     | ts",
                "{'type':'view','deviceId':'d1','ts':'2027-01-01T00:00:00Z'}        | ts_out_of_range     | ts",
                "{'type':'view','deviceId':'d1','props':{'a':{'b':{'c':{'d':1}}}}}  | too_deep            | props.a.b.c.d",
                "{'type':'view','deviceId':'d1','props':{'x':'a\\r\\nSet-Cookie: y'}} | control_character | props.x",
                "{'type':'view','deviceId':'d1','props':[1,2]}                      | wrong_type          | props",
                "{'type':'view','deviceId':'d1','props':{'n':[1,-1e400]}}            | out_of_range        | props.n[1]",
                "{'type':'view','deviceId':'d1','props':{'s':'a\\ud800'}}           | invalid_utf8        | props.s",
                "{'type':'view','deviceId':'d1','props':{'s':'\\udc00b'}}           | invalid_utf8        | props.s"
            })
    void rejectsBadEventNamingReasonAndField(String event, String code, String field) {
        // When / Then
        assertThatThrownBy(() -> intake.single(json(event), ARRIVAL))
                .isInstanceOfSatisfying(InvalidEventException.class, e -> {
                    assertThat(e.rejection().code()).isEqualTo(code);
                    assertThat(e.rejection().field()).isEqualTo(field);
                });
    }

    @Test
    void rejectsTooManyProperties() {
        // Given
        StringBuilder props = new StringBuilder("{");
        for (int i = 0; i <= 50; i++) {
            props.append(i == 0 ? "" : ",").append("'p").append(i).append("':1");
        }
        JsonNode json = json("{'type':'view','deviceId':'d1','props':" + props + "}}");

        // When / Then
        assertThatThrownBy(() -> intake.single(json, ARRIVAL))
                .isInstanceOfSatisfying(
                        InvalidEventException.class,
                        e -> assertThat(e.rejection().code()).isEqualTo("too_many_properties"));
    }

    @Test
    void rejectsAnEventLargerThanTheLimit() {
        // Given
        JsonNode json = json("{'type':'view','deviceId':'d1','props':{'a':'" + "x".repeat(1000) + "','b':'"
                + "x".repeat(1000) + "','c':'" + "x".repeat(1000) + "','d':'" + "x".repeat(1000) + "','e':'"
                + "x".repeat(1000) + "'}}");

        // When / Then
        assertThatThrownBy(() -> intake.single(json, ARRIVAL))
                .isInstanceOfSatisfying(
                        InvalidEventException.class,
                        e -> assertThat(e.rejection().code()).isEqualTo("event_too_large"));
    }

    @Test
    void batchAcceptsTheValidEventsAndNamesEachRejectedOne() {
        // Given
        JsonNode batch = json("[{'type':'view','deviceId':'d1'},{'type':'view'},{'type':'view','deviceId':'d2'},"
                + "{'type':'location','deviceId':'d3','lat':100,'lng':0}]");

        // When
        BatchOutcome outcome = intake.batch(batch, ARRIVAL);

        // Then
        assertThat(outcome.accepted()).extracting(TrackingEvent::deviceId).containsExactly("d1", "d2");
        assertThat(outcome.rejected())
                .extracting(r -> r.index() + ":" + r.reason().code())
                .containsExactly("1:missing_device", "3:out_of_range");
    }

    @Test
    void batchOverTheEventLimitIsRefusedWhole() {
        // Given
        JsonNode batch = json("[" + "{'type':'view','deviceId':'d1'},".repeat(10) + "{'type':'view','deviceId':'d1'}]");

        // When / Then
        assertThatThrownBy(() -> intake.batch(batch, ARRIVAL))
                .isInstanceOf(BatchTooLargeException.class)
                .hasMessageContaining("at most 10 events");
    }

    @Test
    void pixelQueryTypesItsFields() {
        // Given
        var query = PixelQuery.toEvent(
                "location",
                Map.of("deviceId", "d1", "lat", "52.5", "lng", "13.4", "ts", "1795427940000", "screen", "home"));

        // When
        TrackingEvent event = intake.single(query, ARRIVAL);

        // Then
        assertThat(event.lat()).isEqualTo(52.5);
        assertThat(event.ts()).isEqualTo(Instant.ofEpochMilli(1795427940000L));
        assertThat(event.props()).containsExactly(Map.entry("screen", "home"));
    }

    @ParameterizedTest(name = "lat={0}")
    @CsvSource({"' 52.5'", "52.5d", "52.5f", "0x1p5", "+52.5", "52.", "NaN", "Infinity", "1e400"})
    void pixelNumbersAreReadOnlyAsJsonWritesThem(String lat) {
        // Given
        var query = PixelQuery.toEvent("location", Map.of("deviceId", "d1", "lat", lat, "lng", "13.4"));

        // When / Then
        assertThatThrownBy(() -> intake.single(query, ARRIVAL))
                .isInstanceOfSatisfying(InvalidEventException.class, e -> {
                    assertThat(e.rejection().field()).isEqualTo("lat");
                    assertThat(e.rejection().code()).isIn("wrong_type", "out_of_range");
                });
    }

    @ParameterizedTest(name = "lat={0}")
    @CsvSource({"52.5, 52.5", "-0.25, -0.25", "5e1, 50", "0, 0", "-9E+1, -90"})
    void pixelNumbersInJsonNotationAreRead(String lat, double expected) {
        // Given
        var query = PixelQuery.toEvent("location", Map.of("deviceId", "d1", "lat", lat, "lng", "13.4"));

        // When
        TrackingEvent event = intake.single(query, ARRIVAL);

        // Then
        assertThat(event.lat()).isEqualTo(expected);
    }

    private static JsonNode json(String singleQuoted) {
        return Json.tree(singleQuoted.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
    }
}
