package io.pushtech.kafkastore.domain;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.util.Optional;

/**
 * Enrichment step: the location of the client's address. Private, reserved, malformed and unknown addresses give
 * no location, without an exception. A client sends many events from one address, so results are cached by
 * address (a database look-up costs microseconds, a cache hit a fraction of one). Thread-safe.
 */
public final class GeoStep {

    private final GeoLocator locator;
    private final LoadingCache<String, Optional<Geo>> cache;

    public GeoStep(GeoLocator locator, int cacheSize) {
        this.locator = locator;
        // maintenance on the calling thread: handing it to the common pool costs a thread wake-up per batch of reads
        this.cache = Caffeine.newBuilder()
                .maximumSize(cacheSize)
                .executor(Runnable::run)
                .build(this::lookUp);
    }

    public Optional<Geo> geoOf(String ip) {
        return ip == null ? Optional.empty() : cache.get(ip);
    }

    private Optional<Geo> lookUp(String ip) {
        return IpAddresses.parse(ip).filter(IpAddresses::isPublic).flatMap(locator::locate);
    }
}
