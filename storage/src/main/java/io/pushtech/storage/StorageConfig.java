package io.pushtech.storage;

import io.pushtech.common.Namespace;
import io.pushtech.common.config.CommonSettings;
import io.pushtech.common.config.Settings;
import io.pushtech.common.http.HttpEndpoint;
import io.pushtech.common.kafka.TopicSpecs;

/** storage's configuration, read once from the settings. */
public record StorageConfig(
        HttpEndpoint endpoint,
        String mongoUri,
        String kafkaBootstrap,
        Namespace namespace,
        TopicSpecs topics,
        int mongoWorkers,
        int maxBodyBytes) {

    public static StorageConfig from(Settings settings) {
        Namespace namespace = new Namespace(settings.get(CommonSettings.NAMESPACE));
        return new StorageConfig(
                new HttpEndpoint(
                        settings.get(CommonSettings.HTTP_HOST),
                        settings.get(StorageSettings.PORT),
                        StorageSettings.PORT.name()),
                settings.get(CommonSettings.MONGO_URI),
                settings.get(CommonSettings.KAFKA_BOOTSTRAP),
                namespace,
                TopicSpecs.from(namespace, settings),
                settings.get(StorageSettings.MONGO_WORKERS),
                settings.get(CommonSettings.HTTP_MAX_BODY_BYTES));
    }
}
