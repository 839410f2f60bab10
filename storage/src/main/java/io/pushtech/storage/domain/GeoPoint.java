package io.pushtech.storage.domain;

import com.google.common.geometry.S2LatLng;

/** A point on the Earth in degrees (WGS 84), validated on construction. */
public record GeoPoint(double lat, double lng) {

    /** Mean Earth radius (IUGG), the radius great-circle distances are measured on. */
    public static final double EARTH_RADIUS_METERS = 6_371_008.8;

    public GeoPoint {
        if (!(lat >= -90 && lat <= 90)) {
            throw new InvalidItemException("out_of_range", "lat must be between -90 and 90", "location.lat");
        }
        if (!(lng >= -180 && lng <= 180)) {
            throw new InvalidItemException("out_of_range", "lng must be between -180 and 180", "location.lng");
        }
    }

    public S2LatLng toS2() {
        return S2LatLng.fromDegrees(lat, lng);
    }

    /** Exact great-circle distance in metres. */
    public double distanceTo(GeoPoint other) {
        return toS2().getDistance(other.toS2()).radians() * EARTH_RADIUS_METERS;
    }
}
