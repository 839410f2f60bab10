package io.pushtech.storage;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.pushtech.common.Topics;
import io.pushtech.common.http.ReadinessCheck;
import io.pushtech.common.http.ServiceRouter;
import io.pushtech.common.kafka.KafkaClientProperties;
import io.pushtech.common.kafka.TopicCreator;
import io.pushtech.common.service.Metrics;
import io.pushtech.common.service.ServiceVerticle;
import io.pushtech.storage.api.LocationHandler;
import io.pushtech.storage.infra.MongoLocationStore;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.ext.web.Router;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/** storage's composition root: builds the projector, the store and the API, and owns their lifecycle. */
public final class StorageVerticle extends ServiceVerticle {

    public static final String NAME = "storage";
    private static final String LOCATIONS_GROUP = "storage-locations";

    private final StorageConfig config;
    private MongoClient mongo;
    private Admin admin;
    private WorkerExecutor mongoWorkers;
    private LocationProjector projector;
    private Thread projectorThread;

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
        mongoWorkers = vertx.createSharedWorkerExecutor("storage-mongo", config.mongoWorkers());
        return vertx.executeBlocking(() -> startProjector(registry)).compose(store -> {
            TopicCreator topics = new TopicCreator(admin);
            List<ReadinessCheck> checks =
                    List.of(ReadinessCheck.of("mongodb", store::probe), ReadinessCheck.of("kafka", topics::probe));
            Router router = ServiceRouter.create(vertx, NAME, registry, checks, config.maxBodyBytes());
            router.get("/store/locations/:deviceId").handler(new LocationHandler(store, mongoWorkers));
            return listen(router, config.endpoint());
        });
    }

    private MongoLocationStore startProjector(PrometheusMeterRegistry registry) throws Exception {
        admin = Admin.create(KafkaClientProperties.admin(config.kafkaBootstrap(), NAME));
        new TopicCreator(admin).ensure(List.of(config.topics().log(Topics.EVENTS)));
        mongo = MongoClients.create(config.mongoUri());
        MongoLocationStore store =
                new MongoLocationStore(mongo.getDatabase(config.namespace().database()));
        var consumer = new KafkaConsumer<String, byte[]>(KafkaClientProperties.consumer(
                config.kafkaBootstrap(), config.namespace().consumerGroup(LOCATIONS_GROUP), NAME + "-locations"));
        consumer.subscribe(List.of(config.namespace().topic(Topics.EVENTS)));
        projector = new LocationProjector(consumer, store, registry);
        projectorThread = new Thread(projector, "storage-locations");
        projectorThread.setDaemon(true);
        projectorThread.start();
        return store;
    }

    @Override
    public Future<?> stop() {
        return vertx.executeBlocking(() -> {
            if (projector != null) {
                projector.stop();
                projectorThread.join(Duration.ofSeconds(5).toMillis());
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
