package io.pushtech.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pushtech.common.Streams;
import io.pushtech.common.event.TrackingEvent;
import io.pushtech.devstack.DevStack;
import io.pushtech.devstack.junit.TestNamespace;
import io.pushtech.devstack.junit.WithDevStack;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.args.ClientPauseMode;

/**
 * Nothing acknowledged is lost: Redis stopped under load, Redis holding every write for longer than the tracker's
 * timeout, and the tracker killed with SIGKILL under load, each followed by a restart or the end of the stall.
 * Every event that got a 2xx must reach the stream (a duplicate only as the same id). Each test restarts or ends
 * what it stops.
 */
@WithDevStack
class TrackerOutageIT {

    private static final Path LOGS = Path.of("target");
    private static final int ACKNOWLEDGED_PER_PHASE = 50;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration STALL = Duration.ofSeconds(60);

    @Test
    void eventsAcceptedWhileRedisIsDownReachTheStreamWhenItIsBack(DevStack stack, TestNamespace namespace)
            throws Exception {
        // Given
        String ns = namespace.value() + "-redis";
        try (TrackerProcess tracker =
                        TrackerProcess.start(environment(stack, ns), LOGS.resolve("tracker-outage-redis.log"));
                TrackerStream stream = new TrackerStream(stack.redisUrl(), ns + ":" + Streams.EVENTS);
                Load load = new Load(tracker.url(), 4)) {
            awaitMoreAcknowledged(load, 0);

            // When
            stack.redis().stop();
            try {
                awaitMoreAcknowledged(load, load.acknowledged().size());
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(readyStatus(tracker.url()))
                        .as(ready(tracker.url()).encode())
                        .isEqualTo("DEGRADED"));
            } finally {
                stack.redis().start();
            }
            awaitMoreAcknowledged(load, load.acknowledged().size());
            load.close();

            // Then
            assertThat(load.statuses()).containsKey(204).doesNotContainKey(503);
            assertEveryAcknowledgedEventArrives(load.acknowledged(), stream);
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> readyStatus(tracker.url()).equals("UP"));
        }
    }

    @Test
    void eventsAcceptedWhileRedisStallsReachTheStreamAfterwards(DevStack stack, TestNamespace namespace)
            throws Exception {
        // Given
        String ns = namespace.value() + "-stall";
        try (TrackerProcess tracker =
                        TrackerProcess.start(environment(stack, ns), LOGS.resolve("tracker-outage-stall.log"));
                TrackerStream stream = new TrackerStream(stack.redisUrl(), ns + ":" + Streams.EVENTS);
                Jedis redis = new Jedis(URI.create(stack.redisUrl()));
                Load load = new Load(tracker.url(), 4)) {
            awaitMoreAcknowledged(load, 0);

            // When Redis holds every write (it still accepts connections and answers PING) for longer than the
            // tracker's timeout
            redis.clientPause(STALL.toMillis(), ClientPauseMode.WRITE);
            try {
                await().atMost(STALL).untilAsserted(() -> assertThat(readyStatus(tracker.url()))
                        .as(ready(tracker.url()).encode())
                        .isEqualTo("DEGRADED"));
                awaitMoreAcknowledged(load, load.acknowledged().size());
            } finally {
                redis.clientUnpause();
            }
            awaitMoreAcknowledged(load, load.acknowledged().size());
            load.close();

            // Then
            assertThat(load.statuses()).containsKey(204).doesNotContainKey(503);
            assertEveryAcknowledgedEventArrives(load.acknowledged(), stream);
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> readyStatus(tracker.url()).equals("UP"));
        }
    }

    @Test
    void trackerKilledMidLoadReplaysItsJournalAfterRestart(DevStack stack, TestNamespace namespace) throws Exception {
        // Given the tracker journals because Redis is down
        String ns = namespace.value() + "-kill";
        Map<String, String> env = environment(stack, ns);
        try (TrackerStream stream = new TrackerStream(stack.redisUrl(), ns + ":" + Streams.EVENTS)) {
            Set<String> acknowledged;
            TrackerProcess first = TrackerProcess.start(env, LOGS.resolve("tracker-outage-kill-1.log"));
            try (Load load = new Load(first.url(), 4)) {
                awaitMoreAcknowledged(load, 0);
                stack.redis().stop();
                awaitMoreAcknowledged(load, load.acknowledged().size());

                // When killed with SIGKILL under load, then restarted once Redis is back
                first.kill();
                load.close();
                acknowledged = load.acknowledged();
            } finally {
                stack.redis().start();
            }
            try (TrackerProcess second = TrackerProcess.start(env, LOGS.resolve("tracker-outage-kill-2.log"))) {

                // Then
                assertThat(acknowledged).isNotEmpty();
                assertEveryAcknowledgedEventArrives(acknowledged, stream);
            }
        }
    }

    private static void assertEveryAcknowledgedEventArrives(Set<String> acknowledged, TrackerStream stream) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    List<TrackingEvent> events = stream.events();
                    Set<String> ids = events.stream().map(TrackingEvent::id).collect(Collectors.toSet());
                    assertThat(ids).containsAll(acknowledged);
                });
    }

    /** Waits (under any machine load) until the tracker acknowledged a good number of events beyond {@code seen}. */
    private static void awaitMoreAcknowledged(Load load, int seen) {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> load.acknowledged().size() >= seen + ACKNOWLEDGED_PER_PHASE);
    }

    private static Map<String, String> environment(DevStack stack, String namespace) throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("REDIS_URL", stack.redisUrl());
        env.put("PUSHTECH_NAMESPACE", namespace);
        env.put("HTTP_HOST", "127.0.0.1");
        env.put("TRACKER_PORT", "0");
        env.put("TRACKER_RATE_PER_ADDRESS", "0");
        env.put("TRACKER_RATE_PER_DEVICE", "0");
        env.put("TRACKER_REDIS_TIMEOUT_MILLIS", "300");
        env.put(
                "TRACKER_JOURNAL_DIR",
                Files.createTempDirectory("tracker-journal").toString());
        return env;
    }

    private static String readyStatus(String url) throws Exception {
        return ready(url).getString("status");
    }

    private static JsonObject ready(String url) throws Exception {
        var response = HTTP.send(
                HttpRequest.newBuilder(URI.create(url + "/ready")).build(), HttpResponse.BodyHandlers.ofString());
        return new JsonObject(response.body());
    }
}
