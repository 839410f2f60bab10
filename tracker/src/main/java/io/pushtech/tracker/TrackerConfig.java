package io.pushtech.tracker;

import io.pushtech.common.Namespace;
import io.pushtech.common.config.CommonSettings;
import io.pushtech.common.config.Settings;
import io.pushtech.common.http.HttpEndpoint;

/** The tracker's configuration, read once from the settings. */
public record TrackerConfig(
        HttpEndpoint endpoint, String redisUrl, Namespace namespace, int redisWorkers, int maxBodyBytes) {

    public static TrackerConfig from(Settings settings) {
        return new TrackerConfig(
                new HttpEndpoint(
                        settings.get(CommonSettings.HTTP_HOST),
                        settings.get(TrackerSettings.PORT),
                        TrackerSettings.PORT.name()),
                settings.get(CommonSettings.REDIS_URL),
                new Namespace(settings.get(CommonSettings.NAMESPACE)),
                settings.get(TrackerSettings.REDIS_WORKERS),
                settings.get(CommonSettings.HTTP_MAX_BODY_BYTES));
    }
}
