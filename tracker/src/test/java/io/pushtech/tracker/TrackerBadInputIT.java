package io.pushtech.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import io.pushtech.devstack.DevStack;
import io.pushtech.devstack.junit.TestNamespace;
import io.pushtech.devstack.junit.WithDevStack;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** What a hostile or broken client may send: each gets its status and reason, and changes nothing accepted. */
@WithDevStack
class TrackerBadInputIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final int BODY_LIMIT = 1_048_576;
    private static TestTracker tracker;
    private static TrackerStream stream;
    private static String base;

    @BeforeAll
    static void startTracker(DevStack stack, TestNamespace namespace) throws Exception {
        tracker = TestTracker.start(stack, namespace, Map.of("HTTP_MAX_BODY_BYTES", Integer.toString(BODY_LIMIT)));
        stream = tracker.stream();
        base = tracker.url();
        send("/t", "{\"type\":\"view\",\"deviceId\":\"good-before\"}", Map.of());
    }

    @AfterAll
    static void stopTracker() throws Exception {
        tracker.close();
    }

    static Stream<Arguments> badRequests() {
        String deep = "{\"a\":".repeat(40) + "1" + "}".repeat(40);
        return Stream.of(
                bad("malformed JSON", "/t", "{\"type\":\"view\",", 400, "malformed_json"),
                bad("empty body", "/t", "", 400, "empty_body"),
                bad("array to the single endpoint", "/t", "[]", 400, "not_an_object"),
                bad("object that is no batch", "/t/batch", "{\"type\":\"view\"}", 400, "not_a_batch"),
                bad("wrong type", "/t", "{\"type\":\"view\",\"deviceId\":42}", 400, "wrong_type"),
                bad(
                        "latitude out of range",
                        "/t",
                        "{\"type\":\"location\",\"deviceId\":\"d\",\"lat\":-90.5,\"lng\":0}",
                        400,
                        "out_of_range"),
                bad(
                        "deep nesting",
                        "/t",
                        "{\"type\":\"view\",\"deviceId\":\"d\",\"props\":" + deep + "}",
                        400,
                        "too_deep"),
                bad(
                        "header injection in a property",
                        "/t",
                        "{\"type\":\"view\",\"deviceId\":\"d\",\"props\":{\"ref\":\"x\\r\\nSet-Cookie: admin=1\"}}",
                        400,
                        "control_character"),
                bad(
                        "unknown field",
                        "/t",
                        "{\"type\":\"view\",\"deviceId\":\"d\",\"isAdmin\":true}",
                        400,
                        "unknown_field"),
                bad(
                        "huge body",
                        "/t/batch",
                        "[" + "\"x\",".repeat(BODY_LIMIT / 4) + "\"x\"]",
                        413,
                        "payload_too_large"),
                bad(
                        "10 000-event batch",
                        "/t/batch",
                        "[" + "{\"type\":\"view\",\"deviceId\":\"d\"},".repeat(9_999)
                                + "{\"type\":\"view\",\"deviceId\":\"d\"}]",
                        413,
                        "too_many_events"),
                bad(
                        "trailing text after the event",
                        "/t",
                        "{\"type\":\"view\",\"deviceId\":\"d\"} x",
                        400,
                        "malformed_json"),
                bad(
                        "a second event after the first",
                        "/t",
                        "{\"type\":\"view\",\"deviceId\":\"d\"}{\"type\":\"view\",\"deviceId\":\"e\"}",
                        400,
                        "malformed_json"),
                bad(
                        "trailing text after a batch",
                        "/t/batch",
                        "[{\"type\":\"view\",\"deviceId\":\"d\"}] x",
                        400,
                        "malformed_json"),
                bad(
                        "unknown field beside a batch's events",
                        "/t/batch",
                        "{\"events\":[{\"type\":\"view\",\"deviceId\":\"d\"}],\"isAdmin\":true}",
                        400,
                        "unknown_field"),
                bad(
                        "number beyond a double",
                        "/t",
                        "{\"type\":\"view\",\"deviceId\":\"d\",\"props\":{\"n\":1e400}}",
                        400,
                        "out_of_range"),
                bad(
                        "unpaired surrogate escape",
                        "/t",
                        "{\"type\":\"view\",\"deviceId\":\"d\",\"props\":{\"n\":\"a\\ud800\"}}",
                        400,
                        "invalid_utf8"),
                bad(
                        "batch where every event is bad",
                        "/t/batch",
                        "[{\"type\":\"view\"},{\"deviceId\":\"d\"}]",
                        400,
                        null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void badRequestGetsItsStatusAndReasonAndStoresNothing(
            String name, String path, String body, int status, String code) throws Exception {
        // Given
        int before = stream.events().size();

        // When
        var response = send(path, body, Map.of());

        // Then
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
        if (code != null) {
            assertThat(new JsonObject(response.body()).getJsonObject("error").getString("code"))
                    .isEqualTo(code);
        }
        assertThat(stream.events()).hasSize(before);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "a byte never in UTF-8, FF",
        "an overlong slash, C0 AF",
        "an encoded surrogate, ED A0 80",
        "past U+10FFFF, F4 90 80 80"
    })
    void invalidUtf8IsRejectedAndStoresNothing(String name, String hex) throws Exception {
        // Given an event whose property holds those bytes
        int before = stream.events().size();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("{\"type\":\"view\",\"deviceId\":\"d\",\"props\":{\"n\":\"a".getBytes(StandardCharsets.UTF_8));
        body.writeBytes(HexFormat.ofDelimiter(" ").parseHex(hex));
        body.writeBytes("\"}}".getBytes(StandardCharsets.UTF_8));

        // When
        var response = HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "/t"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        // Then
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(new JsonObject(response.body()).getJsonObject("error").getString("code"))
                .isEqualTo("invalid_utf8");
        assertThat(stream.events()).hasSize(before);
    }

    @Test
    void batchSentAsAFormIsRefusedNamingJsonAndStoresNothing() throws Exception {
        // Given a batch of over a kilobyte, with the type curl's -d and jQuery's $.post give it
        int before = stream.events().size();
        String event = "{\"type\":\"view\",\"deviceId\":\"form\"}";

        // When
        var response = HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "/t/batch"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("[" + (event + ",").repeat(40) + event + "]"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        // Then
        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(new JsonObject(response.body()).getJsonObject("error").getString("message"))
                .contains("application/json");
        assertThat(stream.events()).hasSize(before);
    }

    @Test
    void gzipBombIsStoppedAtTheBodyLimit() throws Exception {
        // Given 200 MB of zeros in about 200 KB
        byte[] bomb = Gzip.bomb(200 * 1024 * 1024);

        // When
        var response = HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "/t/batch"))
                        .header("Content-Encoding", "gzip")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(bomb))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        // Then
        assertThat(response.statusCode()).isEqualTo(413);
    }

    @Test
    void goodEventsStillGetThroughAfterTheBadOnes() throws Exception {
        // When
        var response = send("/t", "{\"type\":\"view\",\"deviceId\":\"good-after\"}", Map.of());

        // Then
        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(stream.eventsOf("good-before")).hasSize(1);
        assertThat(stream.eventsOf("good-after")).hasSize(1);
    }

    private static Arguments bad(String name, String path, String body, int status, String code) {
        return Arguments.of(name, path, body, status, code);
    }

    private static HttpResponse<String> send(String path, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
