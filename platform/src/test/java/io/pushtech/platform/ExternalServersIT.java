package io.pushtech.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pushtech.devstack.DevStack;
import io.pushtech.devstack.junit.TestNamespace;
import io.pushtech.devstack.junit.WithDevStack;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code pushtech run <service>} and {@code pushtech up --external}, as containers run them, against given servers. */
@WithDevStack
class ExternalServersIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Path LOGS = Path.of("target");

    @Test
    void runStartsOneServiceAgainstTheConfiguredServers(DevStack stack, TestNamespace namespace) throws Exception {
        // Given
        Map<String, String> env = Map.of(
                "REDIS_URL", stack.redisUrl(),
                "PUSHTECH_NAMESPACE", namespace.value(),
                "PUSHTECH_DATA_DIR", LOGS.resolve("run-data").toString());

        // When
        try (PlatformProcess tracker =
                PlatformProcess.start(List.of("run", "tracker"), env, LOGS.resolve("pushtech-run-tracker.log"))) {

            // Then
            assertThat(tracker.addresses()).containsOnlyKeys("tracker");
            var ready = get(tracker.address("tracker") + "/ready");
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(tracker.terminate(Duration.ofSeconds(30))).isIn(0, 130, 143);
        }
    }

    @Test
    void upExternalUsesTheConfiguredServersInsteadOfStartingAStack(DevStack stack, TestNamespace namespace)
            throws Exception {
        // Given
        Map<String, String> env = Map.of(
                "KAFKA_BOOTSTRAP", stack.kafkaBootstrap(),
                "REDIS_URL", stack.redisUrl(),
                "MONGO_URI", stack.mongoUri(),
                "PUSHTECH_NAMESPACE", namespace.value(),
                "PUSHTECH_DATA_DIR", LOGS.resolve("external-data").toString());

        // When
        try (PlatformProcess platform =
                PlatformProcess.start(List.of("up", "--external"), env, LOGS.resolve("pushtech-up-external.log"))) {

            // Then
            assertThat(platform.address("kafka")).isEqualTo(stack.kafkaBootstrap());
            assertThat(platform.descendants()).isEmpty();
            get(platform.address("tracker") + "/t/location?deviceId=ext-1&lat=1.25&lng=2.5");
            var location = await().atMost(Duration.ofSeconds(20))
                    .until(
                            () -> get(platform.address("storage") + "/store/locations/ext-1"),
                            r -> r.statusCode() == 200);
            assertThat(new JsonObject(location.body()).getDouble("lat")).isEqualTo(1.25);
            platform.terminate(Duration.ofSeconds(30));
        }
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
