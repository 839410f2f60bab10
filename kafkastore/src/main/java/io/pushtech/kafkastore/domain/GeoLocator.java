package io.pushtech.kafkastore.domain;

import java.net.InetAddress;
import java.util.Optional;

/** Finds where a public IP address is. Implementations are thread-safe and never throw on the hot path. */
public interface GeoLocator {

    /** The location of {@code address}, or empty when the database does not know it. */
    Optional<Geo> locate(InetAddress address);

    /** A locator that knows no address: GeoIP turned off. */
    static GeoLocator none() {
        return address -> Optional.empty();
    }
}
