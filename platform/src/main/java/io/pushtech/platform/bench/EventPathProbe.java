package io.pushtech.platform.bench;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Sends one location ping to the tracker and waits until storage serves it back, as a client would see
 * the whole event path (tracker → Redis → kafkastore → Kafka → storage → MongoDB).
 */
final class EventPathProbe {

    private static final Duration GIVE_UP = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newHttpClient();
    private final String trackerUrl;
    private final String storageUrl;

    EventPathProbe(String trackerUrl, String storageUrl) {
        this.trackerUrl = trackerUrl;
        this.storageUrl = storageUrl;
    }

    /** Returns the nanoseconds from sending the ping to reading its position back. */
    long roundTrip(String deviceId, double lat, double lng) throws IOException, InterruptedException {
        long start = System.nanoTime();
        var ping = http.send(
                HttpRequest.newBuilder(URI.create(
                                trackerUrl + "/t/location?deviceId=" + deviceId + "&lat=" + lat + "&lng=" + lng))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        if (ping.statusCode() != 204) {
            throw new IllegalStateException("tracker answered " + ping.statusCode());
        }
        var read = HttpRequest.newBuilder(URI.create(storageUrl + "/store/locations/" + deviceId))
                .build();
        while (System.nanoTime() - start < GIVE_UP.toNanos()) {
            var response = http.send(read, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200 && new JsonObject(response.body()).getDouble("lat") == lat) {
                return System.nanoTime() - start;
            }
            Thread.sleep(0, 200_000);
        }
        throw new IllegalStateException("the ping did not come back within " + GIVE_UP.toSeconds() + " s");
    }
}
