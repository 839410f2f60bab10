package io.pushtech.tracker;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Steady load on a tracker from a few threads, each event with its own {@code eventId}, remembering which ids got
 * a 2xx. Bounded: it stops when told or after a fixed number of requests. Loopback only.
 */
final class Load implements AutoCloseable {

    private static final int MAX_REQUESTS_PER_THREAD = 20_000;

    private final AtomicReference<String> target;
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> threads = new ArrayList<>();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    Load(String url, int threadCount) {
        this.target = new AtomicReference<>(url);
        for (int t = 0; t < threadCount; t++) {
            Thread thread = new Thread(this::send, "load-" + t);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    /** Points the load at another tracker (the same one, restarted). */
    void retarget(String url) {
        target.set(url);
    }

    private void send() {
        for (int i = 0; i < MAX_REQUESTS_PER_THREAD && running.get(); i++) {
            String id = UUID.randomUUID().toString();
            String body = "{\"type\":\"view\",\"deviceId\":\"load\",\"eventId\":\"" + id + "\"}";
            try {
                var response = http.send(
                        HttpRequest.newBuilder(URI.create(target.get() + "/t"))
                                .timeout(Duration.ofSeconds(5))
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                statuses.merge(response.statusCode(), 1, Integer::sum);
                if (response.statusCode() / 100 == 2) {
                    acknowledged.add(id);
                }
            } catch (Exception e) {
                statuses.merge(-1, 1, Integer::sum);
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    Set<String> acknowledged() {
        return Set.copyOf(acknowledged);
    }

    Map<Integer, Integer> statuses() {
        return Map.copyOf(statuses);
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        for (Thread thread : threads) {
            thread.join(10_000);
        }
    }
}
