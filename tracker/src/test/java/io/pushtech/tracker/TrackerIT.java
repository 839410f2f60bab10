package io.pushtech.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pushtech.common.Json;
import io.pushtech.common.Streams;
import io.pushtech.common.config.Settings;
import io.pushtech.common.event.TrackingEvent;
import io.pushtech.common.service.RunningServices;
import io.pushtech.devstack.DevStack;
import io.pushtech.devstack.junit.TestNamespace;
import io.pushtech.devstack.junit.WithDevStack;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.resps.StreamEntry;

@WithDevStack
class TrackerIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static RunningServices services;
    private static JedisPooled redis;
    private static String streamKey;
    private static String base;

    @BeforeAll
    static void startTracker(DevStack stack, TestNamespace namespace) throws Exception {
        services = RunningServices.start(
                List.of(new TrackerDefinition()),
                Settings.of(Map.of(
                        "REDIS_URL",
                        stack.redisUrl(),
                        "PUSHTECH_NAMESPACE",
                        namespace.value(),
                        "HTTP_HOST",
                        "127.0.0.1",
                        "TRACKER_PORT",
                        "0")));
        base = "http://127.0.0.1:" + services.port(TrackerVerticle.NAME);
        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        pool.setTestOnBorrow(true); // one test restarts Redis: pooled connections must not go stale
        redis = new JedisPooled(pool, URI.create(stack.redisUrl()));
        streamKey = namespace.value() + ":" + Streams.EVENTS;
    }

    @AfterAll
    static void stopTracker() throws Exception {
        services.close();
        redis.close();
    }

    @Test
    void locationPingIsInTheStreamWhenTheAnswerArrives() throws Exception {
        // When
        var response = get("/t/location?deviceId=ping-1&lat=52.52&lng=13.40&screen=map");

        // Then
        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.headers().firstValue("cache-control"))
                .hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        TrackingEvent event = eventsOf("ping-1").get(0);
        assertThat(event.type()).isEqualTo("location");
        assertThat(event.lat()).isEqualTo(52.52);
        assertThat(event.lng()).isEqualTo(13.40);
        assertThat(event.props()).containsEntry("screen", "map");
        assertThat(event.ip()).isEqualTo("127.0.0.1");
        assertThat(event.userAgent()).startsWith("Java-http-client");
    }

    @Test
    void invalidEventIsRejectedWithReasonAndNotStored() throws Exception {
        // When
        var response = get("/t/location?deviceId=bad-1&lat=91&lng=13.40");

        // Then
        assertThat(response.statusCode()).isEqualTo(400);
        JsonObject error = new JsonObject(response.body()).getJsonObject("error");
        assertThat(error.getString("code")).isEqualTo("out_of_range");
        assertThat(error.getString("field")).isEqualTo("lat");
        assertThat(eventsOf("bad-1")).isEmpty();
    }

    @Test
    void readyReportsRedis() throws Exception {
        // When
        var response = get("/ready");

        // Then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(new JsonObject(response.body()).getJsonObject("checks").getString("redis"))
                .isEqualTo("UP");
    }

    /** Stops and restarts the shared Redis; it is running again when the test ends. */
    @Test
    void answersUnavailableInsteadOfAcceptingWhileRedisIsDown(DevStack stack) throws Exception {
        // Given
        stack.redis().kill();
        try {
            // When
            var response = get("/t/view?deviceId=down-1");

            // Then
            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(new JsonObject(response.body()).getJsonObject("error").getString("code"))
                    .isEqualTo("unavailable");
            assertThat(get("/ready").statusCode()).isEqualTo(503);
        } finally {
            stack.redis().start();
        }
        await().atMost(Duration.ofSeconds(10))
                .until(() -> get("/t/view?deviceId=down-1").statusCode() == 204);
    }

    private static List<TrackingEvent> eventsOf(String deviceId) {
        return redis.xrange(streamKey, "-", "+").stream()
                .map(StreamEntry::getFields)
                .map(fields -> Json.parse(fields.get(Streams.EVENT_FIELD), TrackingEvent.class))
                .filter(event -> deviceId.equals(event.deviceId()))
                .toList();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
