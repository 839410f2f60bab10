package io.pushtech.kafkastore.domain;

import io.pushtech.common.event.TrackingEvent;
import java.util.Optional;

/**
 * Turns an accepted tracking event into the enriched, versioned shape: looks up the location of the client's
 * address and its device, then anonymizes the address and filters the properties. The look-ups happen before the
 * anonymization, so the raw address is used once and never leaves this class. Thread-safe.
 */
public final class Enricher {

    private final GeoStep geo;
    private final Optional<DeviceDetector> devices;
    private final IpAnonymizer anonymizer;
    private final PropertyFilter properties;

    /** {@code devices} empty turns device detection off. */
    public Enricher(GeoStep geo, Optional<DeviceDetector> devices, IpAnonymizer anonymizer, PropertyFilter properties) {
        this.geo = geo;
        this.devices = devices;
        this.anonymizer = anonymizer;
        this.properties = properties;
    }

    /** The same privacy rules, for the payloads of rejected events. */
    public PayloadScrubber payloadScrubber() {
        return new PayloadScrubber(anonymizer, properties);
    }

    public EnrichedEvent enrich(TrackingEvent event) {
        return new EnrichedEvent(
                EnrichedEvent.SCHEMA_VERSION,
                event.id(),
                event.type(),
                event.ts(),
                event.receivedAt(),
                event.deviceId(),
                event.userId(),
                event.userVerified(),
                event.lat(),
                event.lng(),
                event.accuracy(),
                properties.filter(event.props()),
                anonymizer.anonymize(event.ip()).orElse(null),
                event.userAgent(),
                event.clientTs(),
                geo.geoOf(event.ip()).orElse(null),
                devices.flatMap(d -> d.detect(event.userAgent())).orElse(null));
    }
}
