package io.pushtech.tracker.infra;

import io.pushtech.common.Json;
import io.pushtech.common.Streams;
import io.pushtech.common.event.TrackingEvent;
import io.pushtech.tracker.domain.EventSink;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.params.XAddParams;

/**
 * Appends events to the tracker's Redis Stream with {@code XADD}. Jedis blocks, so each append runs on
 * the given executor (a bounded worker pool), never on an event loop.
 */
public final class RedisStreamSink implements EventSink {

    private final JedisPooled redis;
    private final String streamKey;
    private final Executor executor;

    public RedisStreamSink(JedisPooled redis, String streamKey, Executor executor) {
        this.redis = redis;
        this.streamKey = streamKey;
        this.executor = executor;
    }

    @Override
    public CompletionStage<Void> append(TrackingEvent event) {
        String json = Json.toText(event);
        return CompletableFuture.runAsync(
                () -> redis.xadd(streamKey, XAddParams.xAddParams(), Map.of(Streams.EVENT_FIELD, json)), executor);
    }
}
