package io.pushtech.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import io.pushtech.devstack.DevStack;
import io.pushtech.devstack.junit.TestNamespace;
import io.pushtech.devstack.junit.WithDevStack;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Rate limits per device and per address, and slow clients, on a tracker with tight limits. */
@WithDevStack
class TrackerAbuseIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static TestTracker tracker;
    private static TrackerStream stream;
    private static int port;

    @BeforeAll
    static void startTracker(DevStack stack, TestNamespace namespace) throws Exception {
        tracker = TestTracker.start(
                stack,
                namespace,
                Map.of(
                        "TRACKER_TRUSTED_PROXIES", "127.0.0.1",
                        "TRACKER_RATE_PER_DEVICE", "1",
                        "TRACKER_RATE_PER_ADDRESS", "2",
                        "TRACKER_RATE_BURST_SECONDS", "1",
                        "TRACKER_REQUEST_TIMEOUT_MILLIS", "1000"));
        stream = tracker.stream();
        port = tracker.port();
    }

    @AfterAll
    static void stopTracker() throws Exception {
        tracker.close();
    }

    @Test
    void floodFromOneAddressIsAnswered429WithRetryAfterAndNotStored() throws Exception {
        // When
        List<HttpResponse<String>> responses = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            responses.add(get("/t/view?deviceId=flood-" + i, "198.51.100.1"));
        }

        // Then
        List<HttpResponse<String>> limited =
                responses.stream().filter(r -> r.statusCode() == 429).toList();
        assertThat(limited).hasSizeGreaterThanOrEqualTo(20);
        assertThat(limited.get(0).headers().firstValue("retry-after"))
                .hasValueSatisfying(v -> assertThat(Integer.parseInt(v)).isPositive());
        assertThat(new JsonObject(limited.get(0).body()).getJsonObject("error").getString("code"))
                .isEqualTo("rate_limited");
        long stored = stream.events().stream()
                .filter(e -> e.deviceId().startsWith("flood-"))
                .count();
        assertThat(stored)
                .isEqualTo(responses.stream().filter(r -> r.statusCode() == 204).count());
    }

    @Test
    void deviceOverItsRateIsLimitedEvenFromAFreshAddress() throws Exception {
        // Given
        get("/t/view?deviceId=chatty", "198.51.100.7");

        // When
        var second = get("/t/view?deviceId=chatty", "198.51.100.8");

        // Then
        assertThat(second.statusCode()).isEqualTo(429);
        assertThat(get("/metrics", "198.51.100.9").body())
                .contains("tracker_requests_rate_limited_total{by=\"device\"");
    }

    @Test
    void slowClientIsCutOffWith408() throws Exception {
        // Given a client that announces a body and never sends it
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /t HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                            + "Content-Length: 100\r\n\r\n{")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            socket.setSoTimeout(10_000);

            // When
            String statusLine = new BufferedReader(
                            new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();

            // Then
            assertThat(statusLine).startsWith("HTTP/1.1 408");
        }
    }

    /** A request as if from {@code clientAddress}, forwarded by the trusted local proxy. */
    private static HttpResponse<String> get(String path, String clientAddress) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("X-Forwarded-For", clientAddress)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
