package io.pushtech.storage.domain;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A nearby query: items within {@code radius} metres of {@code center} whose terms contain every query
 * term (and of the category when given), nearest first, at most {@code limit} after the cursor.
 */
public record NearbyQuery(
        GeoPoint center,
        double radius,
        Set<String> terms,
        Optional<String> category,
        Optional<Position> after,
        int limit) {

    public static final int MAX_LIMIT = 100;

    /** Where a page ended: the distance and id of its last item (results are ordered by both). */
    public record Position(double distance, String id) {
        public Position {
            Objects.requireNonNull(id, "id");
        }
    }

    public NearbyQuery {
        Objects.requireNonNull(center, "center");
        if (!(radius > 0 && radius <= Region.MAX_RADIUS_METERS)) {
            throw new InvalidItemException(
                    "out_of_range", "radius must be above 0 and at most " + (int) Region.MAX_RADIUS_METERS, "radius");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidItemException("out_of_range", "limit must be between 1 and " + MAX_LIMIT, "limit");
        }
        terms = Set.copyOf(terms);
    }

    boolean isAfterCursor(double distance, String id) {
        if (after.isEmpty()) {
            return true;
        }
        Position p = after.get();
        return distance > p.distance() || (distance == p.distance() && id.compareTo(p.id()) > 0);
    }
}
