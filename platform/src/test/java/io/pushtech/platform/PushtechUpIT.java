package io.pushtech.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The platform as a user meets it: {@code pushtech up}, a location ping, Ctrl-C, and up again. */
class PushtechUpIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** The platform's stderr, kept in the build directory for when this test fails. */
    private static final Path LOGS = Path.of("target");

    @TempDir
    Path dataDir;

    @Test
    void pingIsReadableThroughStorageAndSurvivesARestart() throws Exception {
        // Given
        try (PlatformProcess platform = PlatformProcess.up(dataDir, LOGS.resolve("pushtech-up-first.log"))) {
            assertThat(platform.addresses())
                    .containsKeys(
                            "kafka", "redis", "mongodb", "tracker", "kafkastore", "storage", "notifications", "kafidx");

            // When
            var ping = get(platform.address("tracker") + "/t/location?deviceId=d1&lat=52.52&lng=13.40");

            // Then
            assertThat(ping.statusCode()).isEqualTo(204);
            JsonObject location = await().atMost(Duration.ofSeconds(5))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> get(platform.address("storage") + "/store/locations/d1"), r -> r.statusCode() == 200)
                    .body()
                    .transform(JsonObject::new);
            assertThat(location.getDouble("lat")).isEqualTo(52.52);
            assertThat(location.getDouble("lng")).isEqualTo(13.40);
            assertThat(platform.terminate(Duration.ofSeconds(60))).isIn(0, 130, 143);
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(platform.descendants()).noneMatch(ProcessHandle::isAlive));
        }
        try (PlatformProcess again = PlatformProcess.up(dataDir, LOGS.resolve("pushtech-up-second.log"))) {
            var stored = get(again.address("storage") + "/store/locations/d1");
            assertThat(stored.statusCode()).isEqualTo(200);
            assertThat(new JsonObject(stored.body()).getDouble("lat")).isEqualTo(52.52);
            again.terminate(Duration.ofSeconds(60));
        }
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
