package io.pushtech.storage.domain;

import java.util.Optional;
import java.util.Set;

/**
 * When a search and an offer match (ARCHITECTURE.md, "Matching"): the offer's terms contain every
 * search keyword term, its category equals the search's category when the search names one, and each
 * lies inside the other's region ({@code distance ≤ search.radius} and {@code distance ≤ offer.radius},
 * exact great-circle distance). A pair that matches keeps matching until its distance exceeds the
 * smaller radius by the {@linkplain #hysteresis hysteresis}, so a pair moving back and forth across the
 * edge does not flap.
 */
public final class MatchRule {

    /** Least hysteresis margin, in metres. */
    public static final double MIN_HYSTERESIS_METERS = 10;
    /** Hysteresis margin as a share of the smaller radius. */
    public static final double HYSTERESIS_SHARE = 0.02;

    private MatchRule() {}

    /**
     * The offer satisfies the search's keywords and category; categories as {@link Keywords#normalized}
     * gives them.
     */
    public static boolean satisfies(
            Set<String> searchTerms,
            Optional<String> normalizedSearchCategory,
            Set<String> offerTerms,
            String normalizedOfferCategory) {
        if (normalizedSearchCategory.isPresent()
                && !normalizedSearchCategory.get().equals(normalizedOfferCategory)) {
            return false;
        }
        return offerTerms.containsAll(searchTerms);
    }

    /** A pair that does not match yet starts matching at this distance. */
    public static boolean starts(double distance, double searchRadius, double offerRadius) {
        return distance <= searchRadius && distance <= offerRadius;
    }

    /** A pair that matches keeps matching at this distance. */
    public static boolean stays(double distance, double searchRadius, double offerRadius) {
        double limit = Math.min(searchRadius, offerRadius);
        return distance <= limit + hysteresis(limit);
    }

    public static double hysteresis(double radius) {
        return Math.max(MIN_HYSTERESIS_METERS, radius * HYSTERESIS_SHARE);
    }
}
