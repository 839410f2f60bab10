package io.pushtech.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import io.pushtech.common.auth.BearerTokens;
import io.pushtech.common.event.TrackingEvent;
import io.pushtech.devstack.DevStack;
import io.pushtech.devstack.junit.TestNamespace;
import io.pushtech.devstack.junit.WithDevStack;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The ingestion endpoints on the real stack: what they accept ends up in the Redis Stream, and only that. */
@WithDevStack
class TrackerIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String SECRET = "tracker-it-secret-0123456789abcdef";
    private static Vertx vertx;
    private static BearerTokens tokens;
    private static TestTracker tracker;
    private static TrackerStream stream;
    private static String base;

    @BeforeAll
    static void startTracker(DevStack stack, TestNamespace namespace) throws Exception {
        tracker = TestTracker.start(
                stack,
                namespace,
                Map.of(
                        "TRACKER_TRUSTED_PROXIES", "127.0.0.1",
                        "TRACKER_CORS_ORIGINS", "https://push.example",
                        "PUSHTECH_JWT_SECRET", SECRET));
        vertx = Vertx.vertx();
        tokens = new BearerTokens(vertx, SECRET);
        stream = tracker.stream();
        base = tracker.url();
    }

    @AfterAll
    static void stopTracker() throws Exception {
        tracker.close();
        vertx.close();
    }

    @Test
    void pixelPingIsInTheStreamWhenTheAnswerArrives() throws Exception {
        // When
        var response = send(get("/t/location?deviceId=pixel-1&lat=52.52&lng=13.40&screen=map"));

        // Then
        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.headers().firstValue("cache-control"))
                .hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        TrackingEvent event = stream.eventsOf("pixel-1").get(0);
        assertThat(event.type()).isEqualTo("location");
        assertThat(event.lat()).isEqualTo(52.52);
        assertThat(event.props()).containsEntry("screen", "map");
        assertThat(event.ip()).isEqualTo("127.0.0.1");
        assertThat(event.userAgent()).startsWith("Java-http-client");
    }

    @Test
    void pixelAnswersAGifWhenAnImageIsAskedFor() throws Exception {
        // When
        var response = HTTP.send(
                get("/t/view?deviceId=pixel-2")
                        .header("Accept", "image/webp,image/*")
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());

        // Then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValue("image/gif");
        assertThat(new String(response.body(), 0, 6)).isEqualTo("GIF89a");
    }

    @Test
    void singleJsonEventIsStored() throws Exception {
        // When
        var response =
                send(post("/t", "{\"type\":\"view\",\"deviceId\":\"single-1\",\"props\":{\"page\":{\"id\":7}}}"));

        // Then
        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(stream.eventsOf("single-1").get(0).props()).containsEntry("page", Map.of("id", 7));
    }

    @Test
    void batchAcceptsValidEventsAndListsTheRejected() throws Exception {
        // Given
        String batch = "{\"sentAt\":\"" + java.time.Instant.now() + "\",\"events\":["
                + "{\"type\":\"view\",\"deviceId\":\"batch-1\",\"eventId\":\"7b0c2a5e-1d1a-4c1e-9a3b-0c8f3b9d2e11\"},"
                + "{\"type\":\"location\",\"deviceId\":\"batch-1\",\"lat\":95,\"lng\":0},"
                + "{\"type\":\"view\",\"deviceId\":\"batch-1\"}]}";

        // When
        var response = send(post("/t/batch", batch));

        // Then
        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject body = new JsonObject(response.body());
        assertThat(body.getInteger("accepted")).isEqualTo(2);
        assertThat(body.getJsonArray("rejected"))
                .containsExactly(new JsonObject()
                        .put("index", 1)
                        .put("code", "out_of_range")
                        .put(
                                "message",
                                body.getJsonArray("rejected").getJsonObject(0).getString("message"))
                        .put("field", "lat"));
        assertThat(stream.eventsOf("batch-1"))
                .extracting(TrackingEvent::id)
                .hasSize(2)
                .contains("7b0c2a5e-1d1a-4c1e-9a3b-0c8f3b9d2e11");
    }

    @Test
    void gzippedBatchIsAccepted() throws Exception {
        // Given
        byte[] gzipped = Gzip.compress("[{\"type\":\"view\",\"deviceId\":\"gzip-1\"}]".getBytes());

        // When
        var response = send(HttpRequest.newBuilder(URI.create(base + "/t/batch"))
                .header("Content-Type", "application/json")
                .header("Content-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(gzipped)));

        // Then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(stream.eventsOf("gzip-1")).hasSize(1);
    }

    @Test
    void anonymousClientHasItsAddressAndUserAgentDropped() throws Exception {
        // When
        var response = send(get("/t/view?deviceId=anon-1").header("X-Pushtech-Anonymous", "1"));

        // Then
        assertThat(response.statusCode()).isEqualTo(204);
        TrackingEvent event = stream.eventsOf("anon-1").get(0);
        assertThat(event.ip()).isNull();
        assertThat(event.userAgent()).isNull();
        assertThat(stream.rawEntriesContaining("anon-1")).noneMatch(raw -> raw.contains("127.0.0.1"));
    }

    @Test
    void forwardedAddressIsTakenFromATrustedProxy() throws Exception {
        // When
        send(get("/t/view?deviceId=xff-1").header("X-Forwarded-For", "203.0.113.50"));

        // Then
        assertThat(stream.eventsOf("xff-1").get(0).ip()).isEqualTo("203.0.113.50");
    }

    @Test
    void preflightAllowsTheConfiguredOrigin() throws Exception {
        // When
        var response = send(HttpRequest.newBuilder(URI.create(base + "/t/batch"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://push.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type"));

        // Then
        assertThat(response.statusCode()).isIn(200, 204);
        assertThat(response.headers().firstValue("access-control-allow-origin")).hasValue("https://push.example");
        assertThat(response.headers().firstValue("access-control-allow-methods"))
                .hasValueSatisfying(v -> assertThat(v).contains("POST"));
    }

    @Test
    void readyReportsRedis() throws Exception {
        // When
        var response = send(get("/ready"));

        // Then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(new JsonObject(response.body()).getJsonObject("checks").getString("redis"))
                .isEqualTo("UP");
    }

    @Test
    void metricsCountAcceptedAndRejectedEventsByReason() throws Exception {
        // Given
        send(get("/t/view?deviceId=metrics-1"));
        send(get("/t/location?deviceId=metrics-1&lat=1000&lng=0"));

        // When
        String metrics = send(get("/metrics")).body();

        // Then
        assertThat(metrics)
                .contains("tracker_events_accepted_total")
                .contains("tracker_events_rejected_total{reason=\"out_of_range\"");
    }

    @Test
    void aBearerTokenProvesTheUserOfEveryEventOfTheRequest() throws Exception {
        // When
        var response = send(post(
                        "/t/batch",
                        "[{\"type\":\"location\",\"deviceId\":\"token-1\",\"lat\":1,\"lng\":2},"
                                + "{\"type\":\"view\",\"deviceId\":\"token-1\",\"userId\":\"carol\"},"
                                + "{\"type\":\"view\",\"deviceId\":\"token-1\",\"userId\":\"mallory\"}]")
                .header("Authorization", "Bearer " + tokens.issue("carol")));

        // Then
        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject outcome = new JsonObject(response.body());
        assertThat(outcome.getInteger("accepted")).isEqualTo(2);
        assertThat(outcome.getJsonArray("rejected").getJsonObject(0).getString("code"))
                .isEqualTo("user_mismatch");
        assertThat(stream.eventsOf("token-1"))
                .extracting(TrackingEvent::verifiedUserId)
                .containsExactly(Optional.of("carol"), Optional.of("carol"));
    }

    @Test
    void aUserIdWithoutATokenIsStoredAsOnlyClaimed() throws Exception {
        // When
        var response = send(get("/t/location?deviceId=token-2&userId=carol&lat=1&lng=2"));

        // Then
        assertThat(response.statusCode()).isEqualTo(204);
        TrackingEvent event = stream.eventsOf("token-2").get(0);
        assertThat(event.userId()).isEqualTo("carol");
        assertThat(event.verifiedUserId()).isEmpty();
    }

    @Test
    void aTokenThatDoesNotVerifyIsA401AndStoresNothing() throws Exception {
        // Given signed with another secret
        String forged = new BearerTokens(vertx, SECRET.replace('0', 'x')).issue("carol");

        // When
        var response =
                send(get("/t/location?deviceId=token-3&lat=1&lng=2").header("Authorization", "Bearer " + forged));

        // Then
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(new JsonObject(response.body()).getJsonObject("error").getString("code"))
                .isEqualTo("invalid_token");
        assertThat(stream.eventsOf("token-3")).isEmpty();
    }

    private static HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create(base + path));
    }

    private static HttpRequest.Builder post(String path, String body) {
        return HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
