package io.pushtech.kafkastore.infra;

import com.maxmind.db.CHMCache;
import com.maxmind.geoip2.DatabaseReader;
import com.maxmind.geoip2.exception.GeoIp2Exception;
import com.maxmind.geoip2.model.CityResponse;
import io.pushtech.kafkastore.domain.Geo;
import io.pushtech.kafkastore.domain.GeoLocator;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GeoLite2 City look-ups with MaxMind's reader over a memory-mapped database, with its {@link CHMCache} of decoded
 * records. Unknown addresses are an empty result ({@code tryCity}), not an exception. Thread-safe.
 */
public final class MaxMindGeoLocator implements GeoLocator, Closeable {

    private static final Logger LOGGER = LoggerFactory.getLogger(MaxMindGeoLocator.class);

    private final DatabaseReader reader;

    private MaxMindGeoLocator(DatabaseReader reader) {
        this.reader = reader;
    }

    /**
     * Opens the database at {@code database}.
     *
     * @throws IllegalStateException naming the path and how to fix it when the file is missing or unreadable
     */
    public static MaxMindGeoLocator open(Path database, String pathSetting, String enabledSetting) {
        if (!Files.isRegularFile(database)) {
            throw new IllegalStateException("the GeoIP database " + database + " does not exist: run ./pushtech up or"
                    + " ./pushtech test once to fetch it, point " + pathSetting + " at a GeoLite2-City.mmdb, or set "
                    + enabledSetting + "=false");
        }
        try {
            return new MaxMindGeoLocator(new DatabaseReader.Builder(database.toFile())
                    .withCache(new CHMCache())
                    .build());
        } catch (IOException e) {
            throw new IllegalStateException("the GeoIP database " + database + " cannot be read: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<Geo> locate(InetAddress address) {
        try {
            return reader.tryCity(address).map(MaxMindGeoLocator::geoOf);
        } catch (IOException | GeoIp2Exception | RuntimeException e) {
            LOGGER.atDebug().addKeyValue("error", e.toString()).log("GeoIP look-up failed");
            return Optional.empty();
        }
    }

    private static Geo geoOf(CityResponse city) {
        String region = city.getSubdivisions().isEmpty()
                ? null
                : city.getSubdivisions().get(0).getIsoCode();
        return new Geo(
                city.getCountry().getIsoCode(),
                region,
                city.getCity().getName(),
                city.getPostal().getCode(),
                city.getLocation().getLatitude(),
                city.getLocation().getLongitude(),
                city.getLocation().getAccuracyRadius(),
                city.getLocation().getTimeZone());
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
