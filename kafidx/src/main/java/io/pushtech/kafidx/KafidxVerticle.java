package io.pushtech.kafidx;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.pushtech.common.auth.BearerTokens;
import io.pushtech.common.http.ReadinessCheck;
import io.pushtech.common.http.ServiceRouter;
import io.pushtech.common.kafka.KafkaClientProperties;
import io.pushtech.common.kafka.TopicCreator;
import io.pushtech.common.service.Metrics;
import io.pushtech.common.service.ServiceVerticle;
import io.pushtech.kafidx.api.AdminAuth;
import io.pushtech.kafidx.api.KafidxRoutes;
import io.pushtech.kafidx.domain.Masker;
import io.pushtech.kafidx.domain.TopicRates;
import io.pushtech.kafidx.infra.OffsetSampler;
import io.pushtech.kafidx.infra.ViewerConsumers;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.admin.Admin;

/**
 * kafidx's composition root: the masker, the rate sampler and the page with its WebSocket. Each open page gets
 * its own Kafka reader thread (see {@link KafidxRoutes}).
 */
public final class KafidxVerticle extends ServiceVerticle {

    public static final String NAME = "kafidx";

    private final KafidxConfig config;
    private Admin admin;
    private OffsetSampler sampler;

    public KafidxVerticle(KafidxConfig config) {
        this.config = config;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Future<?> start() {
        PrometheusMeterRegistry registry = Metrics.forService(NAME);
        TopicRates rates = new TopicRates();
        admin = Admin.create(KafkaClientProperties.admin(config.kafkaBootstrap(), NAME));
        sampler = new OffsetSampler(admin, config.namespace(), config.topics(), rates, Clock.systemUTC());
        sampler.start();
        TopicCreator topics = new TopicCreator(admin);
        Router router = ServiceRouter.create(
                vertx, NAME, registry, List.of(ReadinessCheck.of("kafka", topics::probe)), config.maxBodyBytes());
        var viewers = new KafidxRoutes.Viewers(
                config.namespace(),
                config.topics(),
                config.masking().maskedFields(),
                new Masker(config.masking()),
                rates,
                new ViewerConsumers(config.kafkaBootstrap()),
                config.maxEventsPerSecond(),
                config.maxViewers());
        KafidxRoutes routes =
                new KafidxRoutes(vertx, new AdminAuth(new BearerTokens(vertx, config.jwtSecret()).provider()), viewers);
        routes.mount(router);
        registry.gauge("kafidx.viewers", routes, KafidxRoutes::openViewers);
        return listen(router, config.endpoint());
    }

    @Override
    public Future<?> stop() {
        return vertx.executeBlocking(() -> {
            if (sampler != null) {
                sampler.close();
            }
            if (admin != null) {
                admin.close(Duration.ofSeconds(2));
            }
            return null;
        });
    }
}
