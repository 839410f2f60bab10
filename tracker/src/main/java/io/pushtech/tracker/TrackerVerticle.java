package io.pushtech.tracker;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.pushtech.common.Streams;
import io.pushtech.common.event.EventIds;
import io.pushtech.common.http.ReadinessCheck;
import io.pushtech.common.http.ServiceRouter;
import io.pushtech.common.service.Metrics;
import io.pushtech.common.service.NamedThreads;
import io.pushtech.common.service.ServiceVerticle;
import io.pushtech.tracker.api.PixelHandler;
import io.pushtech.tracker.domain.PixelEventReader;
import io.pushtech.tracker.infra.RedisStreamSink;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.JedisPooled;

/** The tracker's composition root: builds its adapters and routes, and owns their lifecycle. */
public final class TrackerVerticle extends ServiceVerticle {

    public static final String NAME = "tracker";

    private final TrackerConfig config;
    private JedisPooled redis;
    private ExecutorService redisWorkers;

    public TrackerVerticle(TrackerConfig config) {
        this.config = config;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Future<?> start() {
        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        pool.setMaxTotal(config.redisWorkers());
        redis = new JedisPooled(pool, URI.create(config.redisUrl()));
        redisWorkers = Executors.newFixedThreadPool(config.redisWorkers(), new NamedThreads("tracker-redis"));
        var sink = new RedisStreamSink(redis, config.namespace().redisKey(Streams.EVENTS), redisWorkers);
        var reader = new PixelEventReader(Clock.systemUTC(), new EventIds());

        PrometheusMeterRegistry registry = Metrics.forService(NAME);
        List<ReadinessCheck> checks = List.of(ReadinessCheck.of("redis", redis::ping));
        Router router = ServiceRouter.create(vertx, NAME, registry, checks, config.maxBodyBytes());
        router.get("/t/:type").handler(new PixelHandler(reader, sink));
        return listen(router, config.endpoint());
    }

    @Override
    public Future<?> stop() {
        return vertx.executeBlocking(() -> {
            redisWorkers.shutdown();
            redis.close();
            return null;
        });
    }
}
