package io.pushtech.platform;

import io.pushtech.common.config.CommonSettings;
import io.pushtech.common.config.Settings;
import io.pushtech.devstack.DevStack;
import io.pushtech.devstack.DevStackOptions;
import java.nio.file.Path;
import java.util.Map;

/** Starts the development stack as the settings ask, and tells the services where it is. */
public final class EmbeddedStack {

    private EmbeddedStack() {}

    /** Whether {@code up} should use external servers: asked for, or any of their addresses is set. */
    public static boolean externalRequested(Settings settings, boolean externalFlag) {
        return externalFlag
                || settings.raw(CommonSettings.KAFKA_BOOTSTRAP.name()).isPresent()
                || settings.raw(CommonSettings.REDIS_URL.name()).isPresent()
                || settings.raw(CommonSettings.MONGO_URI.name()).isPresent();
    }

    public static DevStack start(Settings settings, Path dataDir) {
        return DevStack.start(new DevStackOptions(
                dataDir,
                settings.get(PlatformSettings.KAFKA_PORT),
                settings.get(PlatformSettings.REDIS_PORT),
                settings.get(PlatformSettings.MONGO_PORT),
                settings.get(PlatformSettings.REDIS_APPENDFSYNC)));
    }

    /** The settings that point services at {@code stack}. */
    public static Map<String, String> addressesOf(DevStack stack) {
        return Map.of(
                CommonSettings.KAFKA_BOOTSTRAP.name(), stack.kafkaBootstrap(),
                CommonSettings.REDIS_URL.name(), stack.redisUrl(),
                CommonSettings.MONGO_URI.name(), stack.mongoUri());
    }
}
