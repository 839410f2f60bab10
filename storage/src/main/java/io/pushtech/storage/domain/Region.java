package io.pushtech.storage.domain;

/** A circle on the Earth: the area a search or offer covers. The radius is 50 m to 100 km. */
public record Region(GeoPoint center, double radius) {

    public static final double MIN_RADIUS_METERS = 50;
    public static final double MAX_RADIUS_METERS = 100_000;

    public Region {
        if (center == null) {
            throw new InvalidItemException("missing", "location is required", "location");
        }
        if (!(radius >= MIN_RADIUS_METERS && radius <= MAX_RADIUS_METERS)) {
            throw new InvalidItemException(
                    "out_of_range",
                    "radius must be between " + (int) MIN_RADIUS_METERS + " and " + (int) MAX_RADIUS_METERS + " metres",
                    "radius");
        }
    }

    public double distanceTo(Region other) {
        return center.distanceTo(other.center);
    }
}
