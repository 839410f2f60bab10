package io.pushtech.notifications;

import static io.pushtech.notifications.TestPlatform.started;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pushtech.devstack.DevStack;
import io.pushtech.devstack.junit.TestNamespace;
import io.pushtech.devstack.junit.WithDevStack;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The website channel (Server-Sent Events) and the /mappings API. */
@WithDevStack
class LiveStreamIT {

    private static final Duration LONG = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static TestPlatform platform;

    @BeforeAll
    static void start(DevStack stack, TestNamespace namespace) throws Exception {
        platform = new TestPlatform(stack, namespace.value(), Map.of());
    }

    @AfterAll
    static void stop() throws Exception {
        platform.close();
    }

    /** One SSE event as received: its id and its data. */
    private record Event(String id, JsonObject data) {}

    /** Reads an event stream on a background thread, collecting its events. */
    private static final class Stream implements AutoCloseable {
        final List<Event> events = new CopyOnWriteArrayList<>();
        final HttpResponse<java.io.InputStream> response;
        private final Thread reader;

        Stream(String query, Map<String, String> headers) throws Exception {
            HttpRequest.Builder request =
                    HttpRequest.newBuilder(URI.create(platform.base() + "/notifications/stream" + query));
            headers.forEach(request::header);
            response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            reader = new Thread(this::read);
            reader.setDaemon(true);
            reader.start();
        }

        private void read() {
            try (var lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String id = null;
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.startsWith("id: ")) {
                        id = line.substring(4);
                    } else if (line.startsWith("data: ")) {
                        events.add(new Event(id, new JsonObject(line.substring(6))));
                    }
                }
            } catch (Exception e) {
                // the stream was closed
            }
        }

        @Override
        public void close() throws Exception {
            response.body().close();
        }
    }

    @Test
    void signedInBrowserReceivesItsMatchAndResumesAfterReconnecting() throws Exception {
        // Given
        String token = platform.token("browser-user");
        Stream first = new Stream("?access_token=" + token, Map.of());
        Stream otherTab = new Stream("?access_token=" + token, Map.of());
        assertThat(first.response.statusCode()).isEqualTo(200);
        assertThat(first.response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
        platform.publish(started("s-live-1", "o-live-1", "browser-user", "offerer-live", 1));
        Event seen = await().atMost(LONG)
                .until(() -> first.events, l -> !l.isEmpty())
                .get(0);
        assertThat(seen.data().getString("offerId")).isEqualTo("o-live-1");
        assertThat(seen.data().getString("role")).isEqualTo("searcher");
        first.close();
        platform.publish(started("s-live-2", "o-live-2", "browser-user", "offerer-live", 1));
        platform.publish(started("s-live-3", "o-live-3", "another-user", "offerer-live", 1));
        await().atMost(LONG).until(() -> otherTab.events, l -> l.size() == 2);
        otherTab.close();

        // When
        try (Stream again = new Stream("", Map.of("Authorization", "Bearer " + token, "Last-Event-ID", seen.id()))) {

            // Then
            await().atMost(LONG).until(() -> again.events, l -> !l.isEmpty());
            assertThat(again.events)
                    .extracting(e -> e.data().getString("offerId"))
                    .containsExactly("o-live-2");
        }
    }

    @Test
    void streamNeedsAToken() throws Exception {
        // When
        var response = platform.request("GET", "/notifications/stream", null, null);

        // Then
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(new JsonObject(response.body()).getJsonObject("error").getString("code"))
                .isEqualTo("missing_token");
    }

    @Test
    void mappingsKeepSubscriptionsAndPreferences() throws Exception {
        // Given
        String token = platform.token("mapped-user");
        platform.request("PUT", "/mappings/subscriptions/sub-1", null, token);
        platform.request("PUT", "/mappings/subscriptions/sub-2", null, token);
        platform.request("DELETE", "/mappings/subscriptions/sub-1", null, token);

        // When
        var put = platform.request(
                "PUT",
                "/mappings/preferences",
                "{\"timeZone\":\"Europe/Berlin\",\"quietHours\":{\"start\":\"22:00\",\"end\":\"07:00\"},"
                        + "\"notifyAsOfferer\":true,\"maxPerHour\":3}",
                token);

        // Then
        assertThat(put.statusCode()).isEqualTo(200);
        JsonObject mapping =
                new JsonObject(platform.request("GET", "/mappings", null, token).body());
        assertThat(mapping.getJsonArray("subscriptionIds").getList()).containsExactly("sub-2");
        JsonObject preferences = mapping.getJsonObject("preferences");
        assertThat(preferences.getString("timeZone")).isEqualTo("Europe/Berlin");
        assertThat(preferences.getJsonObject("quietHours").getString("start")).isEqualTo("22:00");
        assertThat(preferences.getBoolean("notifyAsOfferer")).isTrue();
        assertThat(preferences.getInteger("maxPerHour")).isEqualTo(3);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Mars/Olympus", "UTC+14:00", "SystemV/AST4"})
    void mappingsRejectBadPreferencesWithTheField(String zone) throws Exception {
        // When
        var response = platform.request(
                "PUT", "/mappings/preferences", "{\"timeZone\":\"" + zone + "\"}", platform.token("bad-user"));

        // Then
        assertThat(response.statusCode()).isEqualTo(400);
        JsonObject error = new JsonObject(response.body()).getJsonObject("error");
        assertThat(error.getString("code")).isEqualTo("invalid");
        assertThat(error.getString("field")).isEqualTo("timeZone");
    }

    @Test
    void preferencesSentAsTextAreRefusedNamingJson() throws Exception {
        // When
        var response = platform.send(HttpRequest.newBuilder(URI.create(platform.base() + "/mappings/preferences"))
                .header("Authorization", "Bearer " + platform.token("text-user"))
                .header("Content-Type", "text/plain")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"push\":false}"))
                .build());

        // Then
        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(new JsonObject(response.body()).getJsonObject("error").getString("message"))
                .contains("application/json");
    }

    @Test
    void preferencesInInvalidUtf8AreRefused() throws Exception {
        // Given a time zone with a byte UTF-8 never has
        byte[] body = "{\"timeZone\":\"Europe/Berlin\u00ff\"}".getBytes(StandardCharsets.ISO_8859_1);

        // When
        var response = platform.send(HttpRequest.newBuilder(URI.create(platform.base() + "/mappings/preferences"))
                .header("Authorization", "Bearer " + platform.token("utf-user"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body))
                .build());

        // Then
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(new JsonObject(response.body()).getJsonObject("error").getString("code"))
                .isEqualTo("invalid_utf8");
    }

    @Test
    void mappingsNeedAValidToken() throws Exception {
        // When
        var response = platform.request("GET", "/mappings", null, "not-a-token");

        // Then
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(new JsonObject(response.body()).getJsonObject("error").getString("code"))
                .isEqualTo("invalid_token");
    }
}
