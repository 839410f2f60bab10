package io.pushtech.kafkastore.infra;

import io.pushtech.common.config.Settings;
import io.pushtech.kafkastore.KafkastoreSettings;
import java.nio.file.Path;

/** The GeoLite2 database the tests use: {@code GEOIP_DATABASE}, by default where {@code ./pushtech test} puts it. */
public final class GeoIpDatabase {

    private GeoIpDatabase() {}

    public static Path path() {
        return KafkastoreSettings.GEOIP_DATABASE.from(Settings.fromEnvironment());
    }

    public static MaxMindGeoLocator open() {
        return MaxMindGeoLocator.open(
                path(), KafkastoreSettings.GEOIP_DATABASE.name(), KafkastoreSettings.GEOIP_ENABLED.name());
    }
}
