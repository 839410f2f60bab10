package io.pushtech.platform.bench;

import io.pushtech.storage.domain.GeoPoint;
import io.pushtech.storage.domain.Offer;
import io.pushtech.storage.domain.Region;
import io.pushtech.storage.domain.Search;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Offers and following searches spread uniformly over a metropolitan area (Berlin's extent, about 40 × 46 km),
 * worded from a vocabulary of 200 words: an offer's title has two of them and a search's keywords one, so about
 * one pair in a hundred within each other's radius matches.
 */
final class MetroArea {

    private static final int VOCABULARY = 200;

    private final SplittableRandom random;
    private final String[] words = new String[VOCABULARY];

    MetroArea(long seed) {
        random = new SplittableRandom(seed);
        for (int i = 0; i < words.length; i++) {
            words[i] = "w" + Integer.toString(i * 7919, 36);
        }
    }

    GeoPoint point() {
        return new GeoPoint(52.34 + random.nextDouble() * 0.36, 13.08 + random.nextDouble() * 0.68);
    }

    /** A point a few hundred metres from {@code p}: a walk. */
    GeoPoint near(GeoPoint p) {
        double lat = Math.max(52.30, Math.min(52.74, p.lat() + (random.nextDouble() - 0.5) * 0.004));
        return new GeoPoint(lat, p.lng() + (random.nextDouble() - 0.5) * 0.006);
    }

    /** An offer at a random point, radius 300 m to 2 km, not moving. */
    Offer offer(String id, String ownerId, Instant at) {
        GeoPoint center = point();
        String title = word() + " " + word();
        return new Offer(
                id,
                ownerId,
                title,
                "",
                "misc",
                Optional.empty(),
                List.of(),
                new Region(center, 300 + random.nextDouble() * 1700),
                false,
                Optional.empty(),
                1,
                at,
                at);
    }

    /** An active search at a random point, radius 200 m to 1 km, following its owner. */
    Search search(String id, String ownerId, Instant at) {
        GeoPoint center = point();
        return new Search(
                id,
                ownerId,
                word(),
                Optional.empty(),
                new Region(center, 200 + random.nextDouble() * 800),
                true,
                Optional.empty(),
                true,
                1,
                at,
                at);
    }

    /** A random index below {@code bound}, from the same sequence as the items. */
    int pick(int bound) {
        return random.nextInt(bound);
    }

    private String word() {
        return words[random.nextInt(words.length)];
    }
}
