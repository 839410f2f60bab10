package io.pushtech.notifications;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.pushtech.common.Topics;
import io.pushtech.common.auth.BearerAuth;
import io.pushtech.common.auth.BearerTokens;
import io.pushtech.common.http.ReadinessCheck;
import io.pushtech.common.http.ServiceRouter;
import io.pushtech.common.kafka.KafkaClientProperties;
import io.pushtech.common.kafka.TopicCreator;
import io.pushtech.common.service.BackgroundLoops;
import io.pushtech.common.service.Metrics;
import io.pushtech.common.service.ServiceVerticle;
import io.pushtech.notifications.api.LiveStreamHandler;
import io.pushtech.notifications.api.MappingsApi;
import io.pushtech.notifications.domain.Backoff;
import io.pushtech.notifications.domain.TokenBucket;
import io.pushtech.notifications.domain.UserThrottle;
import io.pushtech.notifications.infra.DispatchState;
import io.pushtech.notifications.infra.FailedPushes;
import io.pushtech.notifications.infra.LiveEvents;
import io.pushtech.notifications.infra.LiveFeed;
import io.pushtech.notifications.infra.MatchDispatcher;
import io.pushtech.notifications.infra.NotificationStore;
import io.pushtech.notifications.infra.PreferencesCache;
import io.pushtech.notifications.infra.PreferencesStore;
import io.pushtech.notifications.infra.onesignal.LoggingPushSender;
import io.pushtech.notifications.infra.onesignal.OneSignalApi;
import io.pushtech.notifications.infra.onesignal.OneSignalClient;
import io.pushtech.notifications.infra.onesignal.PushSender;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * notifications' composition root: builds the OneSignal client (or the logging stand-in), the match dispatcher,
 * the live feed, the stores and the API, and owns their lifecycle (the dispatcher and the feed each on their own
 * thread).
 */
public final class NotificationsVerticle extends ServiceVerticle {

    public static final String NAME = "notifications";
    private static final Logger LOGGER = LoggerFactory.getLogger(NotificationsVerticle.class);
    private static final String GROUP = "notifications";
    private static final Duration PREFERENCES_TTL = Duration.ofSeconds(30);
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(5);
    /** How soon partitions added to {@code matches} reach the website channel. */
    private static final Duration LIVE_PARTITION_CHECK = Duration.ofSeconds(30);

    private static final long HEARTBEAT_MILLIS = 15_000;
    private static final int LIVE_USERS = 100_000;
    private static final int DISPATCH_POLL_RECORDS = 2000;

    /**
     * A fetch takes at most one producer batch of each partition: a backlog is then read from all partitions at once,
     * so the matches of one offer (spread over partitions, since records are keyed by pair) meet in one poll and
     * share a request. With the default (1 MiB of compressed records) a poll drains one partition at a time.
     */
    private static final int DISPATCH_PARTITION_FETCH_BYTES = 64 * 1024;

    private static final Duration COMPACT_EVERY = Duration.ofSeconds(30);
    /** State documents waiting for the compaction thread at most (each encoded when handed over). */
    private static final int COMPACTION_WRITES_AHEAD = 2;

    private final NotificationsConfig config;
    private final Clock clock = Clock.systemUTC();
    private final BackgroundLoops loops = new BackgroundLoops();
    private MongoClient mongo;
    private Admin admin;
    private KafkaProducer<String, byte[]> producer;
    private WorkerExecutor workers;
    private WebClient web;

    public NotificationsVerticle(NotificationsConfig config) {
        this.config = config;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Future<?> start() {
        PrometheusMeterRegistry registry = Metrics.forService(NAME);
        workers = vertx.createSharedWorkerExecutor("notifications-mongo", 8);
        BearerTokens tokens = new BearerTokens(vertx, config.jwtSecret());
        LiveEvents live = new LiveEvents(config.liveEventsPerUser(), LIVE_USERS);
        registry.gauge("notifications.live.connections", live, LiveEvents::connections);
        PushSender sender = sender(registry);
        Context context = vertx.getOrCreateContext();
        return vertx.executeBlocking(() -> startConsumers(registry, sender, context, live))
                .compose(stores -> {
                    TopicCreator topics = new TopicCreator(admin);
                    List<ReadinessCheck> checks = List.of(
                            ReadinessCheck.of("mongodb", stores.notifications::probe),
                            ReadinessCheck.of("kafka", topics::probe));
                    Router router = ServiceRouter.create(vertx, NAME, registry, checks, config.maxBodyBytes());
                    MappingsApi.mount(router, tokens.provider(), stores.preferences, workers, stores.cache::invalidate);
                    router.get("/notifications/stream")
                            .handler(new BearerAuth(tokens.provider(), true))
                            .handler(new LiveStreamHandler(vertx, live, HEARTBEAT_MILLIS));
                    return listen(router, config.endpoint());
                });
    }

    private PushSender sender(PrometheusMeterRegistry registry) {
        if (config.oneSignalApiKey().isEmpty()) {
            LOGGER.atWarn().log("ONESIGNAL_API_KEY is not set: pushes are logged, not sent");
            return new LoggingPushSender();
        }
        web = WebClient.create(
                vertx,
                new WebClientOptions().setKeepAlive(true).setUserAgent("pushtech-notifications"),
                new PoolOptions().setHttp1MaxSize(Math.min(config.maxInFlight(), 64)));
        return new OneSignalClient(
                vertx,
                web,
                config.oneSignalUrl(),
                config.oneSignalApiKey().get(),
                new TokenBucket(config.ratePerSecond(), System::nanoTime),
                new Backoff(config.retryBase(), config.retryMax(), () -> ThreadLocalRandom.current()
                        .nextDouble()),
                config.requestTimeout(),
                config.giveUpAfter(),
                clock,
                registry);
    }

    private record Stores(NotificationStore notifications, PreferencesStore preferences, PreferencesCache cache) {}

    private Stores startConsumers(PrometheusMeterRegistry registry, PushSender sender, Context context, LiveEvents live)
            throws Exception {
        var ns = config.namespace();
        admin = Admin.create(KafkaClientProperties.admin(config.kafkaBootstrap(), NAME));
        new TopicCreator(admin)
                .ensure(List.of(
                        config.topics().log(Topics.MATCHES), config.topics().log(Topics.NOTIFICATIONS_FAILED)));
        mongo = MongoClients.create(config.mongoUri());
        MongoDatabase database = mongo.getDatabase(ns.database());
        NotificationStore notifications = new NotificationStore(database);
        PreferencesStore preferences = new PreferencesStore(database);
        PreferencesCache cache = new PreferencesCache(preferences, PREFERENCES_TTL);
        producer = new KafkaProducer<>(KafkaClientProperties.producer(config.kafkaBootstrap(), NAME));
        String matches = ns.topic(Topics.MATCHES);
        var dispatchProperties =
                KafkaClientProperties.consumer(config.kafkaBootstrap(), ns.consumerGroup(GROUP), NAME + "-dispatch");
        // MongoDB is written once per poll (one journal page holding the pushes and the state they change): a backlog
        // drains in fewer, larger writes.
        dispatchProperties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, DISPATCH_POLL_RECORDS);
        dispatchProperties.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, DISPATCH_PARTITION_FETCH_BYTES);
        var dispatcher = new MatchDispatcher(
                new KafkaConsumer<>(dispatchProperties),
                matches,
                notifications,
                DispatchState.create(database, notifications, stateSettings(), clock),
                cache,
                sender,
                context,
                new FailedPushes(producer, ns.topic(Topics.NOTIFICATIONS_FAILED)),
                new UserThrottle(config.collapseWindow(), config.maxPerHour()),
                OneSignalApi.MAX_RECIPIENTS,
                new MatchDispatcher.Settings(
                        config.oneSignalAppId(), config.renotifyAfter(), config.maxInFlight(), DRAIN_TIMEOUT),
                clock,
                registry);
        loops.start(dispatcher, dispatcher::stop, "notifications-dispatch");
        var liveProperties = KafkaClientProperties.consumer(
                config.kafkaBootstrap(), ns.consumerGroup("notifications-live-" + UUID.randomUUID()), NAME + "-live");
        liveProperties.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, (int) LIVE_PARTITION_CHECK.toMillis());
        var feed = new LiveFeed(
                new KafkaConsumer<>(liveProperties), matches, live, config.liveHistory(), clock, LIVE_PARTITION_CHECK);
        loops.start(feed, feed::stop, "notifications-live");
        return new Stores(notifications, preferences, cache);
    }

    /**
     * Pairs are remembered as long as they may not notify again (an hour at least, for duplicates); pages as long as a
     * record read again may need a push's body (its retries, plus a margin for a restart).
     */
    private DispatchState.Settings stateSettings() {
        Duration hour = Duration.ofHours(1);
        Duration keepPairs = config.renotifyAfter().compareTo(hour) > 0 ? config.renotifyAfter() : hour;
        return new DispatchState.Settings(
                keepPairs, hour.plus(config.giveUpAfter()), COMPACT_EVERY, COMPACTION_WRITES_AHEAD);
    }

    @Override
    public Future<?> stop() {
        return vertx.executeBlocking(() -> {
            loops.stopAndJoin(DRAIN_TIMEOUT.plusSeconds(5));
            if (producer != null) {
                producer.close(Duration.ofSeconds(2));
            }
            if (admin != null) {
                admin.close(Duration.ofSeconds(2));
            }
            if (mongo != null) {
                mongo.close();
            }
            if (web != null) {
                web.close();
            }
            workers.close();
            return null;
        });
    }
}
