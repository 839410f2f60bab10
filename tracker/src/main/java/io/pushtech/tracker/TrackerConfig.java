package io.pushtech.tracker;

import io.pushtech.common.Namespace;
import io.pushtech.common.auth.BearerTokens;
import io.pushtech.common.config.CommonSettings;
import io.pushtech.common.config.ConfigException;
import io.pushtech.common.config.Settings;
import io.pushtech.common.http.HttpEndpoint;
import io.pushtech.tracker.domain.EventLimits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The tracker's configuration, read once from the settings.
 *
 * @param jwtSecret the secret bearer tokens are verified with; empty when none is set (the tracker then takes no
 *     tokens)
 */
public record TrackerConfig(
        HttpEndpoint endpoint,
        String redisUrl,
        Namespace namespace,
        int maxBodyBytes,
        EventLimits limits,
        List<String> corsOrigins,
        String trustedProxies,
        int ratePerAddress,
        int ratePerDevice,
        int burstSeconds,
        int redisTimeoutMillis,
        int queueCapacity,
        Path journalDir,
        long journalMaxBytes,
        int requestTimeoutMillis,
        int eventLoops,
        Optional<String> jwtSecret) {

    private static final int NESTING_DEPTH = 4;
    private static final int STRING_LENGTH = 1024;
    private static final Duration MAX_AHEAD = Duration.ofMinutes(10);

    public static TrackerConfig from(Settings settings) {
        return new TrackerConfig(
                new HttpEndpoint(
                        settings.get(CommonSettings.HTTP_HOST),
                        settings.get(TrackerSettings.PORT),
                        TrackerSettings.PORT.name()),
                settings.get(CommonSettings.REDIS_URL),
                new Namespace(settings.get(CommonSettings.NAMESPACE)),
                settings.get(CommonSettings.HTTP_MAX_BODY_BYTES),
                new EventLimits(
                        settings.get(TrackerSettings.MAX_EVENT_BYTES),
                        settings.get(TrackerSettings.MAX_BATCH_EVENTS),
                        NESTING_DEPTH,
                        STRING_LENGTH,
                        Duration.ofDays(settings.get(TrackerSettings.MAX_EVENT_AGE_DAYS)),
                        MAX_AHEAD,
                        Duration.ofSeconds(settings.get(TrackerSettings.CLOCK_SKEW_THRESHOLD_SECONDS))),
                Arrays.stream(settings.get(TrackerSettings.CORS_ORIGINS).split(","))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList(),
                settings.get(TrackerSettings.TRUSTED_PROXIES),
                settings.get(TrackerSettings.RATE_PER_ADDRESS),
                settings.get(TrackerSettings.RATE_PER_DEVICE),
                settings.get(TrackerSettings.RATE_BURST_SECONDS),
                settings.get(TrackerSettings.REDIS_TIMEOUT_MILLIS),
                settings.get(TrackerSettings.QUEUE_CAPACITY),
                journalDir(settings),
                settings.get(TrackerSettings.JOURNAL_MAX_MB) * 1024L * 1024L,
                settings.get(TrackerSettings.REQUEST_TIMEOUT_MILLIS),
                eventLoops(settings.get(TrackerSettings.EVENT_LOOPS)),
                jwtSecret(settings));
    }

    private static Optional<String> jwtSecret(Settings settings) {
        String secret = settings.get(CommonSettings.JWT_SECRET);
        if (secret.isEmpty()) {
            return Optional.empty();
        }
        if (secret.length() < BearerTokens.MIN_SECRET_LENGTH) {
            throw new ConfigException(CommonSettings.JWT_SECRET.name() + " must be at least "
                    + BearerTokens.MIN_SECRET_LENGTH + " characters (it has " + secret.length() + ")");
        }
        return Optional.of(secret);
    }

    @Override
    public String toString() {
        return "TrackerConfig[endpoint=" + endpoint + ", redisUrl=" + redisUrl + ", namespace=" + namespace
                + ", eventLoops=" + eventLoops + ", tokens=" + (jwtSecret.isPresent() ? "verified" : "not taken") + "]";
    }

    private static int eventLoops(int configured) {
        return configured == 0 ? Runtime.getRuntime().availableProcessors() : configured;
    }

    private static Path journalDir(Settings settings) {
        String configured = settings.get(TrackerSettings.JOURNAL_DIR);
        return configured.isEmpty()
                ? settings.get(CommonSettings.DATA_DIR).resolve("tracker-journal")
                : Path.of(configured);
    }
}
