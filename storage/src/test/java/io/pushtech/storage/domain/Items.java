package io.pushtech.storage.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Test data builders for searches and offers. */
final class Items {

    static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

    private Items() {}

    static Search search(String id, String keywords, double lat, double lng, double radius) {
        return new Search(
                id,
                "owner-" + id,
                keywords,
                Optional.empty(),
                new Region(new GeoPoint(lat, lng), radius),
                false,
                Optional.empty(),
                true,
                1,
                T0,
                T0);
    }

    static Offer offer(String id, String title, double lat, double lng, double radius) {
        return new Offer(
                id,
                "owner-" + id,
                title,
                "",
                "misc",
                Optional.empty(),
                List.of(),
                new Region(new GeoPoint(lat, lng), radius),
                false,
                Optional.empty(),
                1,
                T0,
                T0);
    }

    static Search expiring(Search s, Instant at) {
        return new Search(
                s.id(),
                s.ownerId(),
                s.keywords(),
                s.category(),
                s.region(),
                s.followsOwner(),
                Optional.of(at),
                s.active(),
                s.version(),
                s.createdAt(),
                s.updatedAt());
    }

    static Search withKeywords(Search s, String keywords) {
        return new Search(
                s.id(),
                s.ownerId(),
                keywords,
                s.category(),
                s.region(),
                s.followsOwner(),
                s.expiresAt(),
                s.active(),
                s.version() + 1,
                s.createdAt(),
                s.updatedAt());
    }

    /** The point {@code meters} north of {@code from} along its meridian. */
    static GeoPoint north(GeoPoint from, double meters) {
        return new GeoPoint(from.lat() + Math.toDegrees(meters / GeoPoint.EARTH_RADIUS_METERS), from.lng());
    }
}
