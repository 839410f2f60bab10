package io.pushtech.kafkastore.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pushtech.kafkastore.domain.Geo;
import io.pushtech.kafkastore.domain.IpAddresses;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Look-ups in the real GeoLite2 City database of the pinned {@code geoip-database} package. */
class MaxMindGeoLocatorTest {

    private static MaxMindGeoLocator locator;

    @BeforeAll
    static void open() {
        locator = GeoIpDatabase.open();
    }

    @AfterAll
    static void close() throws Exception {
        locator.close();
    }

    @Test
    void publicIpv4WithKnownCityAndCountry() {
        // When
        Geo geo = locate("81.2.69.142").orElseThrow();

        // Then
        assertThat(geo.country()).isEqualTo("GB");
        assertThat(geo.region()).isEqualTo("ENG");
        assertThat(geo.timeZone()).isEqualTo("Europe/London");
        assertThat(geo.lat()).isBetween(49.0, 61.0);
        assertThat(geo.lng()).isBetween(-8.0, 2.0);
        assertThat(geo.accuracyRadiusKm()).isPositive();
    }

    @Test
    void publicIpv6WithKnownCountry() {
        // When
        Geo geo = locate("2a00:1450:4001:82a::200e").orElseThrow();

        // Then
        assertThat(geo.country()).isEqualTo("DE");
        assertThat(geo.timeZone()).isEqualTo("Europe/Berlin");
    }

    @Test
    void privateAddressIsUnknownWithoutAnException() {
        // When
        Optional<Geo> geo = locate("10.20.30.40");

        // Then
        assertThat(geo).isEmpty();
    }

    @Test
    void missingDatabaseIsAClearStartUpError() {
        // When / Then
        assertThatThrownBy(() ->
                        MaxMindGeoLocator.open(Path.of("/nonexistent/City.mmdb"), "GEOIP_DATABASE", "GEOIP_ENABLED"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("/nonexistent/City.mmdb")
                .hasMessageContaining("GEOIP_ENABLED=false");
    }

    private static Optional<Geo> locate(String ip) {
        return locator.locate(IpAddresses.parse(ip).orElseThrow());
    }
}
