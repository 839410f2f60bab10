package io.pushtech.kafidx;

import io.pushtech.common.Namespace;
import io.pushtech.common.auth.BearerTokens;
import io.pushtech.common.config.CommonSettings;
import io.pushtech.common.config.ConfigException;
import io.pushtech.common.config.Settings;
import io.pushtech.common.http.HttpEndpoint;
import io.pushtech.kafidx.domain.MaskingPolicy;
import java.util.List;

/** kafidx's configuration, read once from the settings. */
public record KafidxConfig(
        HttpEndpoint endpoint,
        String kafkaBootstrap,
        Namespace namespace,
        List<String> topics,
        MaskingPolicy masking,
        int maxEventsPerSecond,
        int maxViewers,
        int maxBodyBytes,
        String jwtSecret) {

    public static KafidxConfig from(Settings settings) {
        List<String> topics = settings.get(KafidxSettings.TOPICS);
        if (topics.isEmpty()) {
            throw new ConfigException(KafidxSettings.TOPICS.name() + " names no topic");
        }
        return new KafidxConfig(
                new HttpEndpoint(
                        settings.get(CommonSettings.HTTP_HOST),
                        settings.get(KafidxSettings.PORT),
                        KafidxSettings.PORT.name()),
                settings.get(CommonSettings.KAFKA_BOOTSTRAP),
                new Namespace(settings.get(CommonSettings.NAMESPACE)),
                topics,
                new MaskingPolicy(
                        settings.get(KafidxSettings.MASKED_FIELDS),
                        settings.get(KafidxSettings.COORDINATE_FIELDS),
                        settings.get(KafidxSettings.COORDINATE_DECIMALS)),
                settings.get(KafidxSettings.MAX_EVENTS_PER_SECOND),
                settings.get(KafidxSettings.MAX_VIEWERS),
                settings.get(CommonSettings.HTTP_MAX_BODY_BYTES),
                jwtSecret(settings));
    }

    /** Everything but the token secret, which must not reach a log. */
    @Override
    public String toString() {
        return "KafidxConfig[endpoint=" + endpoint + ", kafkaBootstrap=" + kafkaBootstrap + ", namespace=" + namespace
                + ", topics=" + topics + ", masking=" + masking + ", maxEventsPerSecond=" + maxEventsPerSecond
                + ", maxViewers=" + maxViewers + "]";
    }

    private static String jwtSecret(Settings settings) {
        String secret = settings.get(CommonSettings.JWT_SECRET);
        if (secret.length() < BearerTokens.MIN_SECRET_LENGTH) {
            throw new ConfigException(CommonSettings.JWT_SECRET.name() + " must be set to a secret of at least "
                    + BearerTokens.MIN_SECRET_LENGTH + " characters: kafidx verifies admin tokens with it"
                    + (secret.isEmpty() ? "" : " (it has " + secret.length() + ")"));
        }
        return secret;
    }
}
