package io.pushtech.storage;

import io.pushtech.common.Namespace;
import io.pushtech.common.auth.BearerTokens;
import io.pushtech.common.config.CommonSettings;
import io.pushtech.common.config.ConfigException;
import io.pushtech.common.config.Settings;
import io.pushtech.common.http.HttpEndpoint;
import io.pushtech.common.kafka.TopicSpecs;
import java.time.Duration;

/** storage's configuration, read once from the settings. */
public record StorageConfig(
        HttpEndpoint endpoint,
        String mongoUri,
        String kafkaBootstrap,
        Namespace namespace,
        TopicSpecs topics,
        int mongoWorkers,
        int maxBodyBytes,
        String jwtSecret,
        Duration writeWait,
        int eventLoops) {

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
                settings.get(CommonSettings.HTTP_MAX_BODY_BYTES),
                jwtSecret(settings),
                Duration.ofMillis(settings.get(StorageSettings.WRITE_WAIT_MILLIS)),
                eventLoops(settings.get(StorageSettings.EVENT_LOOPS)));
    }

    private static int eventLoops(int configured) {
        return configured == 0 ? Runtime.getRuntime().availableProcessors() : configured;
    }

    /** Everything but the token secret, which must not reach a log. */
    @Override
    public String toString() {
        return "StorageConfig[endpoint=" + endpoint + ", mongoUri=" + mongoUri + ", kafkaBootstrap=" + kafkaBootstrap
                + ", namespace=" + namespace + ", mongoWorkers=" + mongoWorkers + ", writeWait=" + writeWait
                + ", eventLoops=" + eventLoops + "]";
    }

    private static String jwtSecret(Settings settings) {
        String secret = settings.get(CommonSettings.JWT_SECRET);
        if (secret.length() < BearerTokens.MIN_SECRET_LENGTH) {
            throw new ConfigException(CommonSettings.JWT_SECRET.name() + " must be set to a secret of at least "
                    + BearerTokens.MIN_SECRET_LENGTH + " characters: storage verifies bearer tokens with it"
                    + (secret.isEmpty() ? "" : " (it has " + secret.length() + ")"));
        }
        return secret;
    }
}
