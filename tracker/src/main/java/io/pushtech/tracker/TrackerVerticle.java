package io.pushtech.tracker;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.pushtech.common.Streams;
import io.pushtech.common.auth.BearerTokens;
import io.pushtech.common.event.EventIds;
import io.pushtech.common.http.DegradedException;
import io.pushtech.common.http.ReadinessCheck;
import io.pushtech.common.http.ServiceRouter;
import io.pushtech.common.service.Metrics;
import io.pushtech.common.service.ServiceVerticle;
import io.pushtech.tracker.api.Admission;
import io.pushtech.tracker.api.TrackerRoutes;
import io.pushtech.tracker.domain.EventFactory;
import io.pushtech.tracker.domain.EventIntake;
import io.pushtech.tracker.domain.EventSchema;
import io.pushtech.tracker.domain.EventSink;
import io.pushtech.tracker.domain.RateLimiter;
import io.pushtech.tracker.domain.TrustedProxies;
import io.pushtech.tracker.infra.EventLoopStreamWriter;
import io.pushtech.tracker.infra.JournalFallback;
import io.pushtech.tracker.infra.JournalReplayer;
import io.pushtech.tracker.infra.RedisAddress;
import io.pushtech.tracker.infra.StreamAppender;
import io.pushtech.tracker.infra.journal.DiskJournal;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.util.JedisURIHelper;

/** The tracker's composition root: builds its adapters and routes, and owns their lifecycle. */
public final class TrackerVerticle extends ServiceVerticle {

    public static final String NAME = "tracker";
    private static final int REQUESTS_PER_WRITE = 256;
    private static final int EVENTS_PER_ENTRY = 500;

    private static final long REPLAY_INTERVAL_MILLIS = 500;

    private final TrackerConfig config;
    private JedisPooled redis;
    private DiskJournal journal;
    private StreamAppender appender;
    private JournalReplayer replayer;
    private final List<EventLoopStreamWriter> loopWriters = new CopyOnWriteArrayList<>();

    public TrackerVerticle(TrackerConfig config) {
        this.config = config;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Future<?> start() {
        PrometheusMeterRegistry registry = Metrics.forService(NAME);
        return vertx.executeBlocking(() -> startWriting(registry)).compose(fallback -> serve(registry, fallback));
    }

    /** Opens the journal (replaying what a previous run left, once Redis answers) and starts the stream writer. */
    private JournalFallback startWriting(PrometheusMeterRegistry registry) throws IOException {
        redis = redisClient();
        journal = DiskJournal.open(config.journalDir(), config.journalMaxBytes());
        JournalFallback fallback = new JournalFallback(journal, registry);
        appender = new StreamAppender(
                redis,
                config.namespace().redisKey(Streams.EVENTS),
                fallback,
                config.queueCapacity(),
                REQUESTS_PER_WRITE,
                EVENTS_PER_ENTRY);
        replayer = new JournalReplayer(fallback, appender, REPLAY_INTERVAL_MILLIS);
        return fallback;
    }

    private Future<?> serve(PrometheusMeterRegistry registry, JournalFallback fallback) {
        EventIntake intake =
                new EventIntake(EventSchema.load(), config.limits(), new EventFactory(new EventIds(), config.limits()));
        List<ReadinessCheck> checks =
                List.of(ReadinessCheck.of("redis", this::probeRedis), ReadinessCheck.of("journal", fallback::probe));
        Admission admission = new Admission(
                config.corsOrigins(),
                TrustedProxies.parse(config.trustedProxies()),
                limiter(config.ratePerAddress()),
                limiter(config.ratePerDevice()),
                config.requestTimeoutMillis(),
                config.jwtSecret().map(secret -> new BearerTokens(vertx, secret).provider()));
        // called on each serving event loop, which then writes to Redis over a connection of its own
        Supplier<Router> routers = () -> {
            Router router = ServiceRouter.create(vertx, NAME, registry, checks, config.maxBodyBytes());
            TrackerRoutes.mount(router, intake, sinkForThisEventLoop(fallback), admission, registry);
            return router;
        };
        return listen(routers, config.endpoint(), config.eventLoops());
    }

    private EventSink sinkForThisEventLoop(JournalFallback fallback) {
        if (RedisAddress.isTls(config.redisUrl())) {
            return appender;
        }
        EventLoopStreamWriter writer = new EventLoopStreamWriter(
                vertx,
                vertx.getOrCreateContext(),
                RedisAddress.parse(config.redisUrl()),
                config.namespace().redisKey(Streams.EVENTS),
                appender,
                fallback,
                config.queueCapacity(),
                EVENTS_PER_ENTRY,
                config.redisTimeoutMillis());
        loopWriters.add(writer);
        return writer;
    }

    /** Redis down is not "not ready": the journal keeps accepting, so it is a degraded state. */
    private void probeRedis() {
        try {
            redis.ping();
        } catch (RuntimeException e) {
            throw new DegradedException("unreachable (" + e.getMessage() + "); accepted events go to the journal");
        }
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
        return Future.all(loopWriters.stream().map(EventLoopStreamWriter::close).toList())
                .transform(ignored -> vertx.executeBlocking(() -> {
                    replayer.close();
                    appender.close();
                    journal.close();
                    redis.close();
                    return null;
                }));
    }
}
