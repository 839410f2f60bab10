package io.pushtech.tracker;

import io.pushtech.common.Json;
import io.pushtech.common.Streams;
import io.pushtech.common.event.TrackingEvent;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
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
                .flatMap(entry ->
                        Arrays.stream(Json.parse(entry.getFields().get(Streams.EVENTS_FIELD), TrackingEvent[].class)))
                .toList();
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
