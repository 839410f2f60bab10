package io.pushtech.storage;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pushtech.common.Namespace;
import io.pushtech.common.Topics;
import io.pushtech.common.config.CommonSettings;
import io.pushtech.common.config.Settings;
import io.pushtech.common.kafka.KafkaClientProperties;
import io.pushtech.common.kafka.TopicCreator;
import io.pushtech.common.kafka.TopicSpecs;
import io.pushtech.storage.domain.MatchEngine;
import io.pushtech.storage.domain.SharedEngine;
import io.pushtech.storage.infra.ItemLog;
import io.pushtech.storage.infra.ItemMaterializer;
import io.pushtech.storage.infra.MatchPublisher;
import io.pushtech.storage.infra.Materializations;
import io.pushtech.storage.infra.MongoItemStore;
import io.pushtech.storage.infra.MongoOffsetStore;
import io.pushtech.storage.infra.MongoPairStore;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * {@code pushtech replay storage}: drops the {@code searches} and {@code offers} collections and the
 * stored log offsets, and rebuilds them, the pair states and a match index from the compacted topics,
 * drawing a progress bar. Publishes no match events (they were published when the changes first
 * happened); each pair's sequence continues from the stored one. Blocking, on the calling thread; stop
 * the storage services first: they restore their index from MongoDB only at start.
 */
public final class StorageReplay {

    private static final int BAR_WIDTH = 40;

    private final String kafkaBootstrap;
    private final String mongoUri;
    private final Namespace ns;
    private final TopicSpecs topics;
    private final PrintStream progress;

    public StorageReplay(
            String kafkaBootstrap, String mongoUri, Namespace ns, TopicSpecs topics, PrintStream progress) {
        this.kafkaBootstrap = kafkaBootstrap;
        this.mongoUri = mongoUri;
        this.ns = ns;
        this.topics = topics;
        this.progress = progress;
    }

    /** A replay against the configured servers (it needs no token secret). */
    public static StorageReplay from(Settings settings, PrintStream progress) {
        Namespace ns = new Namespace(settings.get(CommonSettings.NAMESPACE));
        return new StorageReplay(
                settings.get(CommonSettings.KAFKA_BOOTSTRAP),
                settings.get(CommonSettings.MONGO_URI),
                ns,
                TopicSpecs.from(ns, settings),
                progress);
    }

    /** Runs the replay; answers the number of items indexed afterwards. */
    public int run() throws Exception {
        try (Admin admin = Admin.create(KafkaClientProperties.admin(kafkaBootstrap, "storage-replay"));
                MongoClient mongo = MongoClients.create(mongoUri);
                var producer = new KafkaProducer<String, byte[]>(
                        KafkaClientProperties.producer(kafkaBootstrap, "storage-replay"))) {
            new TopicCreator(admin).ensure(List.of(topics.compacted(Topics.SEARCHES), topics.compacted(Topics.OFFERS)));
            MongoDatabase database = mongo.getDatabase(ns.database());
            MongoItemStore store = new MongoItemStore(database);
            MongoOffsetStore offsets = new MongoOffsetStore(database);
            offsets.drop();
            for (String collection : List.of("searches", "offers")) {
                store.drop(collection);
                store.createIndexes(collection);
            }
            SharedEngine engine = new SharedEngine();
            var topicNames = new ItemMaterializer.Topics(ns.topic(Topics.SEARCHES), ns.topic(Topics.OFFERS));
            ItemMaterializer materializer = new ItemMaterializer(
                    new KafkaConsumer<>(KafkaClientProperties.consumer(
                            kafkaBootstrap, ns.consumerGroup("storage-replay-" + UUID.randomUUID()), "storage-replay")),
                    topicNames,
                    engine,
                    new ItemMaterializer.Stores(store, new MongoPairStore(database), offsets),
                    new MatchPublisher(producer, ns.topic(Topics.MATCHES)),
                    new ItemLog(producer, topicNames),
                    new Materializations(),
                    Clock.systemUTC(),
                    new SimpleMeterRegistry(),
                    false);
            Thread thread = new Thread(materializer, "storage-replay");
            thread.start();
            while (!materializer.caughtUp() && thread.isAlive()) {
                draw(materializer.progress());
                Thread.sleep(100);
            }
            materializer.stop();
            thread.join(Duration.ofSeconds(10).toMillis());
            var last = materializer.progress();
            draw(new ItemMaterializer.Progress(last.total(), last.total()));
            progress.println();
            int items = engine.read(MatchEngine::indexedItems);
            progress.println("replayed " + last.done() + " records into " + items + " indexed items");
            return items;
        }
    }

    private void draw(ItemMaterializer.Progress p) {
        if (p.total() < 0) {
            return;
        }
        double share = p.total() == 0 ? 1 : Math.min(1, (double) p.done() / p.total());
        int filled = (int) Math.round(share * BAR_WIDTH);
        progress.printf(
                "\rreplay storage [%s%s] %3d%% %d/%d records",
                "#".repeat(filled), " ".repeat(BAR_WIDTH - filled), Math.round(share * 100), p.done(), p.total());
        progress.flush();
    }
}
