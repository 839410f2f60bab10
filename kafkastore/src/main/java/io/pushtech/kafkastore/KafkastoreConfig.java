package io.pushtech.kafkastore;

import io.pushtech.common.Namespace;
import io.pushtech.common.config.CommonSettings;
import io.pushtech.common.config.Settings;
import io.pushtech.common.http.HttpEndpoint;
import io.pushtech.common.kafka.TopicSpecs;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** kafkastore's configuration, read once from the settings. */
public record KafkastoreConfig(
        HttpEndpoint endpoint,
        String redisUrl,
        String kafkaBootstrap,
        Namespace namespace,
        TopicSpecs topics,
        int batchSize,
        String consumerName,
        int maxBodyBytes) {

    public static KafkastoreConfig from(Settings settings) {
        Namespace namespace = new Namespace(settings.get(CommonSettings.NAMESPACE));
        String consumer = settings.get(KafkastoreSettings.CONSUMER_NAME);
        return new KafkastoreConfig(
                new HttpEndpoint(
                        settings.get(CommonSettings.HTTP_HOST),
                        settings.get(KafkastoreSettings.PORT),
                        KafkastoreSettings.PORT.name()),
                settings.get(CommonSettings.REDIS_URL),
                settings.get(CommonSettings.KAFKA_BOOTSTRAP),
                namespace,
                TopicSpecs.from(namespace, settings),
                settings.get(KafkastoreSettings.BATCH_SIZE),
                consumer.isEmpty() ? hostName() : consumer,
                settings.get(CommonSettings.HTTP_MAX_BODY_BYTES));
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "kafkastore";
        }
    }
}
