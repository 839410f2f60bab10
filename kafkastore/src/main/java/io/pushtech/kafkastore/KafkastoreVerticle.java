package io.pushtech.kafkastore;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.pushtech.common.Streams;
import io.pushtech.common.Topics;
import io.pushtech.common.http.ReadinessCheck;
import io.pushtech.common.http.ServiceRouter;
import io.pushtech.common.kafka.KafkaClientProperties;
import io.pushtech.common.kafka.TopicCreator;
import io.pushtech.common.service.Metrics;
import io.pushtech.common.service.ServiceVerticle;
import io.pushtech.kafkastore.infra.KafkaPublisher;
import io.pushtech.kafkastore.infra.RedisStreamSource;
import io.vertx.core.Future;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import redis.clients.jedis.JedisPooled;

/** kafkastore's composition root: builds the drainer and its adapters, and owns their lifecycle. */
public final class KafkastoreVerticle extends ServiceVerticle {

    public static final String NAME = "kafkastore";
    private static final String GROUP = "kafkastore";

    private final KafkastoreConfig config;
    private JedisPooled redis;
    private Admin admin;
    private KafkaProducer<String, byte[]> producer;
    private StreamDrainer drainer;
    private Thread drainerThread;

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
                    startDrainer(registry);
                    return null;
                })
                .compose(ignored -> {
                    TopicCreator topics = new TopicCreator(admin);
                    List<ReadinessCheck> checks =
                            List.of(ReadinessCheck.of("redis", redis::ping), ReadinessCheck.of("kafka", topics::probe));
                    return listen(
                            ServiceRouter.create(vertx, NAME, registry, checks, config.maxBodyBytes()),
                            config.endpoint());
                });
    }

    private void startDrainer(PrometheusMeterRegistry registry) throws Exception {
        admin = Admin.create(KafkaClientProperties.admin(config.kafkaBootstrap(), NAME));
        new TopicCreator(admin)
                .ensure(List.of(
                        config.topics().log(Topics.EVENTS),
                        config.topics().log(Topics.EVENTS_REJECTED),
                        config.topics().compacted(Topics.LOCATIONS)));
        var producerProps = KafkaClientProperties.producer(config.kafkaBootstrap(), NAME);
        producerProps.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        producer = new KafkaProducer<>(producerProps);
        redis = new JedisPooled(URI.create(config.redisUrl()));
        var source = new RedisStreamSource(
                redis,
                config.namespace().redisKey(Streams.EVENTS),
                config.namespace().consumerGroup(GROUP),
                config.consumerName());
        source.ensureGroup();
        drainer = new StreamDrainer(
                source, new KafkaPublisher(producer, config.namespace()), config.batchSize(), registry);
        drainerThread = new Thread(drainer, "kafkastore-drainer");
        drainerThread.setDaemon(true);
        drainerThread.start();
    }

    @Override
    public Future<?> stop() {
        return vertx.executeBlocking(() -> {
            if (drainer != null) {
                drainer.stop();
                drainerThread.join(Duration.ofSeconds(5).toMillis());
            }
            if (producer != null) {
                producer.close(Duration.ofSeconds(5));
            }
            if (redis != null) {
                redis.close();
            }
            if (admin != null) {
                admin.close(Duration.ofSeconds(2));
            }
            return null;
        });
    }
}
