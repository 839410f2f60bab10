package io.pushtech.notifications;

import io.pushtech.common.Namespace;
import io.pushtech.common.auth.BearerTokens;
import io.pushtech.common.config.CommonSettings;
import io.pushtech.common.config.ConfigException;
import io.pushtech.common.config.Settings;
import io.pushtech.common.http.HttpEndpoint;
import io.pushtech.common.kafka.TopicSpecs;
import java.time.Duration;
import java.util.Optional;

/** notifications' configuration, read once from the settings. */
public record NotificationsConfig(
        HttpEndpoint endpoint,
        String mongoUri,
        String kafkaBootstrap,
        Namespace namespace,
        TopicSpecs topics,
        int maxBodyBytes,
        String jwtSecret,
        String oneSignalUrl,
        String oneSignalAppId,
        Optional<String> oneSignalApiKey,
        int ratePerSecond,
        int maxInFlight,
        Duration requestTimeout,
        Duration retryBase,
        Duration retryMax,
        Duration giveUpAfter,
        int maxPerHour,
        Duration collapseWindow,
        Duration renotifyAfter,
        Duration liveHistory,
        int liveEventsPerUser) {

    public static NotificationsConfig from(Settings settings) {
        Namespace namespace = new Namespace(settings.get(CommonSettings.NAMESPACE));
        Optional<String> apiKey = Optional.of(settings.get(NotificationsSettings.ONESIGNAL_API_KEY))
                .filter(k -> !k.isBlank());
        String appId = settings.get(NotificationsSettings.ONESIGNAL_APP_ID);
        if (apiKey.isPresent() && appId.isBlank()) {
            throw new ConfigException(NotificationsSettings.ONESIGNAL_APP_ID.name() + " must be set when "
                    + NotificationsSettings.ONESIGNAL_API_KEY.name() + " is");
        }
        return new NotificationsConfig(
                new HttpEndpoint(
                        settings.get(CommonSettings.HTTP_HOST),
                        settings.get(NotificationsSettings.PORT),
                        NotificationsSettings.PORT.name()),
                settings.get(CommonSettings.MONGO_URI),
                settings.get(CommonSettings.KAFKA_BOOTSTRAP),
                namespace,
                TopicSpecs.from(namespace, settings),
                settings.get(CommonSettings.HTTP_MAX_BODY_BYTES),
                jwtSecret(settings),
                settings.get(NotificationsSettings.ONESIGNAL_API_URL),
                appId,
                apiKey,
                settings.get(NotificationsSettings.RATE),
                settings.get(NotificationsSettings.MAX_IN_FLIGHT),
                Duration.ofMillis(settings.get(NotificationsSettings.REQUEST_TIMEOUT_MILLIS)),
                Duration.ofMillis(settings.get(NotificationsSettings.RETRY_BASE_MILLIS)),
                Duration.ofMillis(settings.get(NotificationsSettings.RETRY_MAX_MILLIS)),
                Duration.ofSeconds(settings.get(NotificationsSettings.GIVE_UP_SECONDS)),
                settings.get(NotificationsSettings.MAX_PER_HOUR),
                Duration.ofMillis(settings.get(NotificationsSettings.COLLAPSE_MILLIS)),
                Duration.ofHours(settings.get(NotificationsSettings.RENOTIFY_HOURS)),
                Duration.ofMinutes(settings.get(NotificationsSettings.LIVE_HISTORY_MINUTES)),
                settings.get(NotificationsSettings.LIVE_EVENTS_PER_USER));
    }

    /** Everything but the secrets (token secret, OneSignal key), which must not reach a log. */
    @Override
    public String toString() {
        return "NotificationsConfig[endpoint=" + endpoint + ", mongoUri=" + mongoUri + ", kafkaBootstrap="
                + kafkaBootstrap + ", namespace=" + namespace + ", oneSignalUrl=" + oneSignalUrl + ", oneSignalKey="
                + (oneSignalApiKey.isPresent() ? "set" : "unset") + ", ratePerSecond=" + ratePerSecond + "]";
    }

    private static String jwtSecret(Settings settings) {
        String secret = settings.get(CommonSettings.JWT_SECRET);
        if (secret.length() < BearerTokens.MIN_SECRET_LENGTH) {
            throw new ConfigException(CommonSettings.JWT_SECRET.name() + " must be set to a secret of at least "
                    + BearerTokens.MIN_SECRET_LENGTH + " characters: notifications verifies bearer tokens with it"
                    + (secret.isEmpty() ? "" : " (it has " + secret.length() + ")"));
        }
        return secret;
    }
}
