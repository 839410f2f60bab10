package io.pushtech.kafkastore.domain;

import java.util.Optional;

/**
 * Enrichment step: the location of the client's address. Private, reserved, malformed and unknown addresses give
 * no location, without an exception. Thread-safe.
 */
public final class GeoStep {

    private final GeoLocator locator;

    public GeoStep(GeoLocator locator) {
        this.locator = locator;
    }

    public Optional<Geo> geoOf(String ip) {
        return IpAddresses.parse(ip).filter(IpAddresses::isPublic).flatMap(locator::locate);
    }
}
