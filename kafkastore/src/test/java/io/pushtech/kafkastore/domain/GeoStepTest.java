package io.pushtech.kafkastore.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GeoStepTest {

    private static final Geo BERLIN = new Geo("DE", "BE", "Berlin", "10115", 52.5, 13.4, 20, "Europe/Berlin");

    private final List<InetAddress> asked = new ArrayList<>();
    private final GeoStep step = new GeoStep(
            address -> {
                asked.add(address);
                return Optional.of(BERLIN);
            },
            10);

    @Test
    void publicAddressIsLookedUp() {
        // When
        Optional<Geo> geo = step.geoOf("81.2.69.142");

        // Then
        assertThat(geo).contains(BERLIN);
    }

    @Test
    void privateMalformedAndMissingAddressesAreNotLookedUp() {
        // When
        List<Optional<Geo>> results =
                List.of(step.geoOf("192.168.1.20"), step.geoOf("fd00::1"), step.geoOf("nonsense"), step.geoOf(null));

        // Then
        assertThat(results).allMatch(Optional::isEmpty);
        assertThat(asked).isEmpty();
    }

    @Test
    void anAddressIsLookedUpOnceThenServedFromTheCache() {
        // When
        step.geoOf("8.8.8.8");
        Optional<Geo> again = step.geoOf("8.8.8.8");

        // Then
        assertThat(again).contains(BERLIN);
        assertThat(asked).hasSize(1);
    }

    @Test
    void addressUnknownToTheDatabaseGivesNoLocation() {
        // Given
        GeoStep unknown = new GeoStep(GeoLocator.none(), 10);

        // When
        Optional<Geo> geo = unknown.geoOf("8.8.8.8");

        // Then
        assertThat(geo).isEmpty();
    }
}
