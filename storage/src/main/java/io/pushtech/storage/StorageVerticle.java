package io.pushtech.storage;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.pushtech.common.Topics;
import io.pushtech.common.auth.BearerTokens;
import io.pushtech.common.http.ReadinessCheck;
import io.pushtech.common.http.ServiceRouter;
import io.pushtech.common.kafka.KafkaClientProperties;
import io.pushtech.common.kafka.TopicCreator;
import io.pushtech.common.service.BackgroundLoops;
import io.pushtech.common.service.Metrics;
import io.pushtech.common.service.ServiceVerticle;
import io.pushtech.storage.api.LocationHandler;
import io.pushtech.storage.api.StoreApi;
import io.pushtech.storage.domain.MatchEngine;
import io.pushtech.storage.domain.SharedEngine;
import io.pushtech.storage.infra.ItemLog;
import io.pushtech.storage.infra.ItemMaterializer;
import io.pushtech.storage.infra.LocationFollower;
import io.pushtech.storage.infra.MatchPublisher;
import io.pushtech.storage.infra.Materializations;
import io.pushtech.storage.infra.MongoItemStore;
import io.pushtech.storage.infra.MongoLocationStore;
import io.pushtech.storage.infra.MongoOffsetStore;
import io.pushtech.storage.infra.MongoPairStore;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.ext.web.Router;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * storage's composition root: builds the location projector, the item materializer, the location
 * follower, the stores and the API, and owns their lifecycle (each consumer on its own thread).
 */
public final class StorageVerticle extends ServiceVerticle {

    public static final String NAME = "storage";
    private static final String LOCATIONS_GROUP = "storage-locations";
    private static final String FOLLOW_GROUP = "storage-follow";

    private final StorageConfig config;
    private final SharedEngine engine = new SharedEngine();
    private final Materializations materializations = new Materializations();
    private final Clock clock = Clock.systemUTC();
    private final BackgroundLoops loops = new BackgroundLoops();
    private MongoClient mongo;
    private Admin admin;
    private KafkaProducer<String, byte[]> producer;
    private WorkerExecutor mongoWorkers;
    private ItemMaterializer materializer;

    public StorageVerticle(StorageConfig config) {
        this.config = config;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Future<?> start() {
        PrometheusMeterRegistry registry = Metrics.forService(NAME);
        registry.gauge("storage.index.items", engine, e -> e.read(MatchEngine::indexedItems));
        mongoWorkers = vertx.createSharedWorkerExecutor("storage-mongo", config.mongoWorkers());
        BearerTokens tokens = new BearerTokens(vertx, config.jwtSecret());
        return vertx.executeBlocking(() -> startConsumers(registry)).compose(stores -> {
            TopicCreator topics = new TopicCreator(admin);
            List<ReadinessCheck> checks = List.of(
                    ReadinessCheck.of("mongodb", stores.locations::probe),
                    ReadinessCheck.of("kafka", topics::probe),
                    ReadinessCheck.of("index", () -> {
                        if (!materializer.caughtUp()) {
                            throw new IllegalStateException("the index is catching up with the log");
                        }
                    }));
            return StoreApi.load(
                            vertx,
                            tokens.provider(),
                            engine,
                            stores.log,
                            stores.items,
                            materializations,
                            new LocationHandler(stores.locations, mongoWorkers),
                            mongoWorkers,
                            clock,
                            config.writeWait())
                    .compose(api -> listen(
                            () -> {
                                Router router =
                                        ServiceRouter.create(vertx, NAME, registry, checks, config.maxBodyBytes());
                                api.mountOn(router);
                                return router;
                            },
                            config.endpoint(),
                            config.eventLoops()));
        });
    }

    private record Stores(MongoLocationStore locations, MongoItemStore items, ItemLog log) {}

    private Stores startConsumers(PrometheusMeterRegistry registry) throws Exception {
        var ns = config.namespace();
        var specs = config.topics();
        admin = Admin.create(KafkaClientProperties.admin(config.kafkaBootstrap(), NAME));
        new TopicCreator(admin)
                .ensure(List.of(
                        specs.log(Topics.EVENTS),
                        specs.compacted(Topics.SEARCHES),
                        specs.compacted(Topics.OFFERS),
                        specs.compacted(Topics.LOCATIONS),
                        specs.log(Topics.MATCHES)));
        mongo = MongoClients.create(config.mongoUri());
        MongoDatabase database = mongo.getDatabase(ns.database());
        MongoLocationStore locations = new MongoLocationStore(database);
        MongoItemStore items = new MongoItemStore(database);
        items.createIndexes("searches");
        items.createIndexes("offers");
        producer = new KafkaProducer<>(KafkaClientProperties.producer(config.kafkaBootstrap(), NAME));
        var itemTopics = new ItemMaterializer.Topics(ns.topic(Topics.SEARCHES), ns.topic(Topics.OFFERS));
        ItemLog log = new ItemLog(producer, itemTopics);

        var projector = new LocationProjector(consumer(LOCATIONS_GROUP, Topics.LOCATIONS), locations, registry);
        loops.start(projector, projector::stop, "storage-locations");
        materializer = new ItemMaterializer(
                new KafkaConsumer<>(KafkaClientProperties.consumer(
                        config.kafkaBootstrap(), ns.consumerGroup("storage-items"), NAME + "-items")),
                itemTopics,
                engine,
                new ItemMaterializer.Stores(items, new MongoPairStore(database), new MongoOffsetStore(database)),
                new MatchPublisher(producer, ns.topic(Topics.MATCHES)),
                log,
                materializations,
                clock,
                registry,
                true);
        loops.start(materializer, materializer::stop, "storage-items");
        var follower = new LocationFollower(consumer(FOLLOW_GROUP, Topics.LOCATIONS), engine, log, clock, registry);
        loops.start(follower, follower::stop, "storage-follow");
        return new Stores(locations, items, log);
    }

    private KafkaConsumer<String, byte[]> consumer(String group, String topic) {
        var consumer = new KafkaConsumer<String, byte[]>(KafkaClientProperties.consumer(
                config.kafkaBootstrap(), config.namespace().consumerGroup(group), NAME + "-" + group));
        consumer.subscribe(List.of(config.namespace().topic(topic)));
        return consumer;
    }

    @Override
    public Future<?> stop() {
        return vertx.executeBlocking(() -> {
            loops.stopAndJoin(Duration.ofSeconds(5));
            if (producer != null) {
                producer.close(Duration.ofSeconds(2));
            }
            if (admin != null) {
                admin.close(Duration.ofSeconds(2));
            }
            if (mongo != null) {
                mongo.close();
            }
            mongoWorkers.close();
            return null;
        });
    }
}
