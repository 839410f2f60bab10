package io.pushtech.tracker;

import com.fasterxml.jackson.databind.JsonNode;
import io.pushtech.common.Json;
import io.pushtech.common.Streams;
import io.pushtech.common.event.RequestEvents;
import io.pushtech.common.event.TrackingEvent;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.resps.StreamEntry;

/** Reads back what the tracker wrote to its Redis Stream, as kafkastore would. */
final class TrackerStream implements AutoCloseable {

    private final JedisPooled redis;
    private final String key;

    TrackerStream(String redisUrl, String key) {
        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        pool.setTestOnBorrow(true); // tests restart Redis: pooled connections must not go stale
        this.redis = new JedisPooled(pool, URI.create(redisUrl));
        this.key = key;
    }

    List<TrackingEvent> events() {
        return entries().stream()
                .flatMap(entry -> eventsOfEntry(entry.getFields().get(Streams.EVENTS_FIELD)))
                .toList();
    }

    /** An entry's events by request, each with what its request holds for all of them. */
    private static Stream<TrackingEvent> eventsOfEntry(String entry) {
        JsonNode requests = Json.tree(entry.getBytes(StandardCharsets.UTF_8)).get(Streams.REQUESTS);
        return StreamSupport.stream(requests.spliterator(), false)
                .map(request -> Json.convert(request, RequestEvents.class))
                .flatMap(request -> request.events().stream().map(request::eventOf));
    }

    List<TrackingEvent> eventsOf(String deviceId) {
        return events().stream().filter(e -> deviceId.equals(e.deviceId())).toList();
    }

    List<String> rawEntriesContaining(String text) {
        return entries().stream()
                .map(entry -> entry.getFields().get(Streams.EVENTS_FIELD))
                .filter(raw -> raw.contains(text))
                .toList();
    }

    private List<StreamEntry> entries() {
        return redis.xrange(key, "-", "+");
    }

    @Override
    public void close() {
        redis.close();
    }
}
