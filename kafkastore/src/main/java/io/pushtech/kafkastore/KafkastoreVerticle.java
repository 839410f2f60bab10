package io.pushtech.kafkastore;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.pushtech.common.Streams;
import io.pushtech.common.Topics;
import io.pushtech.common.http.ReadinessCheck;
import io.pushtech.common.http.ServiceRouter;
import io.pushtech.common.kafka.KafkaClientProperties;
import io.pushtech.common.kafka.TopicCreator;
import io.pushtech.common.service.Metrics;
import io.pushtech.common.service.NamedThreads;
import io.pushtech.common.service.ServiceVerticle;
import io.pushtech.kafkastore.domain.DeviceDetector;
import io.pushtech.kafkastore.domain.Enricher;
import io.pushtech.kafkastore.domain.EventTranslator;
import io.pushtech.kafkastore.domain.GeoLocator;
import io.pushtech.kafkastore.domain.GeoStep;
import io.pushtech.kafkastore.domain.IpAnonymizer;
import io.pushtech.kafkastore.domain.PropertyFilter;
import io.pushtech.kafkastore.infra.KafkaPublisher;
import io.pushtech.kafkastore.infra.MaxMindGeoLocator;
import io.pushtech.kafkastore.infra.RedisStreamSource;
import io.vertx.core.Future;
import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.JedisPooled;

/**
 * kafkastore's composition root: builds the enrichment, one drainer thread per Redis source and the shared Kafka
 * producer, and owns their lifecycle. Lifecycle methods run on the event loop; the blocking work on a worker.
 */
public final class KafkastoreVerticle extends ServiceVerticle {

    public static final String NAME = "kafkastore";
    private static final Logger LOGGER = LoggerFactory.getLogger(KafkastoreVerticle.class);
    private static final String GROUP = "kafkastore";

    private final KafkastoreConfig config;
    private final List<JedisPooled> redisClients = new ArrayList<>();
    private final List<RedisStreamSource> sources = new ArrayList<>();
    private final List<StreamDrainer> drainers = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private ExecutorService enrichWorkers;
    private Optional<Closeable> geoDatabase = Optional.empty();
    private Admin admin;
    private KafkaProducer<String, byte[]> producer;

    public KafkastoreVerticle(KafkastoreConfig config) {
        this.config = config;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Future<?> start() {
        PrometheusMeterRegistry registry = Metrics.forService(NAME);
        return vertx.executeBlocking(() -> {
                    startDrainers(registry);
                    return null;
                })
                .compose(ignored -> {
                    TopicCreator topics = new TopicCreator(admin);
                    List<ReadinessCheck> checks = new ArrayList<>();
                    sources.forEach(source -> checks.add(ReadinessCheck.of("redis " + source.name(), source::probe)));
                    checks.add(ReadinessCheck.of("kafka", topics::probe));
                    return listen(
                            ServiceRouter.create(vertx, NAME, registry, checks, config.maxBodyBytes()),
                            config.endpoint());
                });
    }

    private void startDrainers(PrometheusMeterRegistry registry) throws Exception {
        EventTranslator translator = new EventTranslator(enricher());
        int enrichThreads = config.drainer().enrichThreads();
        enrichWorkers = Executors.newFixedThreadPool(
                Math.max(1, (enrichThreads - 1) * config.redisUrls().size()), new NamedThreads("kafkastore-enrich"));
        admin = Admin.create(KafkaClientProperties.admin(config.kafkaBootstrap(), NAME));
        new TopicCreator(admin)
                .ensure(List.of(
                        config.topics().log(Topics.EVENTS),
                        config.topics().log(Topics.EVENTS_REJECTED),
                        config.topics().compacted(Topics.LOCATIONS)));
        producer = new KafkaProducer<>(producerProperties());
        KafkaPublisher publisher = new KafkaPublisher(producer, config.namespace());
        for (String url : config.redisUrls()) {
            URI uri = URI.create(url);
            String sourceName = uri.getHost() + ":" + uri.getPort() + uri.getPath();
            JedisPooled redis = new JedisPooled(uri);
            redisClients.add(redis);
            RedisStreamSource source = new RedisStreamSource(
                    sourceName,
                    redis,
                    config.namespace().redisKey(Streams.EVENTS),
                    config.namespace().consumerGroup(GROUP),
                    config.consumerName());
            source.ensureGroup();
            sources.add(source);
            StreamDrainer drainer = new StreamDrainer(
                    source,
                    new ParallelTranslation(translator, enrichWorkers, enrichThreads),
                    publisher,
                    config.drainer(),
                    new DrainerMetrics(registry, sourceName));
            drainers.add(drainer);
            Thread thread = new Thread(drainer, "kafkastore-drainer-" + sourceName);
            thread.setDaemon(true);
            threads.add(thread);
        }
        threads.forEach(Thread::start);
        LOGGER.atInfo()
                .addKeyValue("sources", sources.size())
                .addKeyValue("consumer", config.consumerName())
                .addKeyValue("geoip", config.enrichment().geoipDatabase().isPresent())
                .log("kafkastore draining");
    }

    private Enricher enricher() {
        KafkastoreConfig.Enrichment enrichment = config.enrichment();
        GeoLocator locator = enrichment
                .geoipDatabase()
                .<GeoLocator>map(path -> {
                    MaxMindGeoLocator maxMind = MaxMindGeoLocator.open(
                            path, KafkastoreSettings.GEOIP_DATABASE.name(), KafkastoreSettings.GEOIP_ENABLED.name());
                    geoDatabase = Optional.of(maxMind);
                    return maxMind;
                })
                .orElse(GeoLocator.none());
        return new Enricher(
                new GeoStep(locator, enrichment.geoipCacheSize()),
                enrichment.deviceDetection()
                        ? Optional.of(new DeviceDetector(enrichment.userAgentCacheSize()))
                        : Optional.empty(),
                new IpAnonymizer(enrichment.ipv4PrefixBits(), enrichment.ipv6PrefixBits()),
                new PropertyFilter(enrichment.deniedProps(), enrichment.deniedPropsAction()));
    }

    private java.util.Properties producerProperties() {
        var props = KafkaClientProperties.producer(config.kafkaBootstrap(), NAME);
        props.put(ProducerConfig.LINGER_MS_CONFIG, config.producer().lingerMs());
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, config.producer().batchBytes());
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, config.producer().compression());
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        return props;
    }

    @Override
    public Future<?> stop() {
        return vertx.executeBlocking(() -> {
            drainers.forEach(StreamDrainer::stop);
            for (Thread thread : threads) {
                thread.join(Duration.ofSeconds(10).toMillis());
            }
            if (enrichWorkers != null) {
                enrichWorkers.shutdownNow();
            }
            if (producer != null) {
                producer.close(Duration.ofSeconds(5));
            }
            redisClients.forEach(JedisPooled::close);
            if (admin != null) {
                admin.close(Duration.ofSeconds(2));
            }
            geoDatabase.ifPresent(KafkastoreVerticle::closeQuietly);
            return null;
        });
    }

    private static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            LOGGER.atDebug().addKeyValue("error", e.toString()).log("closing the GeoIP database failed");
        }
    }
}
