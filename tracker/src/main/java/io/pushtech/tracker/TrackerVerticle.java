package io.pushtech.tracker;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.pushtech.common.Streams;
import io.pushtech.common.event.EventIds;
import io.pushtech.common.http.ReadinessCheck;
import io.pushtech.common.http.ServiceRouter;
import io.pushtech.common.service.Metrics;
import io.pushtech.common.service.ServiceVerticle;
import io.pushtech.tracker.api.TrackerRoutes;
import io.pushtech.tracker.domain.EventFactory;
import io.pushtech.tracker.domain.EventIntake;
import io.pushtech.tracker.domain.EventSchema;
import io.pushtech.tracker.domain.RateLimiter;
import io.pushtech.tracker.domain.TrustedProxies;
import io.pushtech.tracker.infra.FailedWrites;
import io.pushtech.tracker.infra.StreamAppender;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.util.List;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.util.JedisURIHelper;

/** The tracker's composition root: builds its adapters and routes, and owns their lifecycle. */
public final class TrackerVerticle extends ServiceVerticle {

    public static final String NAME = "tracker";
    private static final int REQUESTS_PER_WRITE = 256;

    private final TrackerConfig config;
    private JedisPooled redis;
    private StreamAppender appender;

    public TrackerVerticle(TrackerConfig config) {
        this.config = config;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Future<?> start() {
        redis = redisClient();
        appender = new StreamAppender(
                redis,
                config.namespace().redisKey(Streams.EVENTS),
                FailedWrites.NONE,
                config.queueCapacity(),
                REQUESTS_PER_WRITE);
        EventIntake intake =
                new EventIntake(EventSchema.load(), config.limits(), new EventFactory(new EventIds(), config.limits()));

        PrometheusMeterRegistry registry = Metrics.forService(NAME);
        List<ReadinessCheck> checks = List.of(ReadinessCheck.of("redis", redis::ping));
        Router router = ServiceRouter.create(vertx, NAME, registry, checks, config.maxBodyBytes());
        TrackerRoutes.mount(
                router,
                intake,
                appender,
                config.corsOrigins(),
                TrustedProxies.parse(config.trustedProxies()),
                limiter(config.ratePerAddress()),
                limiter(config.ratePerDevice()),
                registry);
        return listen(router, config.endpoint());
    }

    private RateLimiter limiter(int ratePerSecond) {
        return new RateLimiter(ratePerSecond, (double) ratePerSecond * config.burstSeconds(), System::nanoTime);
    }

    private JedisPooled redisClient() {
        URI uri = URI.create(config.redisUrl());
        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        pool.setTestOnBorrow(false);
        pool.setTestWhileIdle(true);
        var client = DefaultJedisClientConfig.builder()
                .user(JedisURIHelper.getUser(uri))
                .password(JedisURIHelper.getPassword(uri))
                .database(JedisURIHelper.getDBIndex(uri))
                .ssl(JedisURIHelper.isRedisSSLScheme(uri))
                .socketTimeoutMillis(config.redisTimeoutMillis())
                .connectionTimeoutMillis(config.redisTimeoutMillis())
                .build();
        return new JedisPooled(pool, new HostAndPort(uri.getHost(), uri.getPort()), client);
    }

    @Override
    public Future<?> stop() {
        return vertx.executeBlocking(() -> {
            appender.close();
            redis.close();
            return null;
        });
    }
}
