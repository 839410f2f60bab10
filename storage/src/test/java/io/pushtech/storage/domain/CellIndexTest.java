package io.pushtech.storage.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CellIndexTest {

    private static final GeoPoint[] PLACES = {
        new GeoPoint(52.52, 13.405), new GeoPoint(0.0, 179.999), new GeoPoint(89.999, 0), new GeoPoint(-33.9, 151.2)
    };

    /** Where three faces of the S2 cube meet. */
    private static final GeoPoint CUBE_CORNER = new GeoPoint(Math.toDegrees(Math.asin(1 / Math.sqrt(3))), 45);

    private final Random random = new Random(11);
    private final CellIndex<String> index = new CellIndex<>();
    private final List<GeoPoint> points = new ArrayList<>();

    @Test
    void pagesOfNearestEqualAFullScanSortedByDistanceAndId() {
        // Given
        for (int i = 0; i < 4000; i++) {
            GeoPoint p = i % 10 == 0 && i > 0 ? points.get(i - 1) : around(PLACES[i % PLACES.length], 3000);
            points.add(p);
            index.put(id(i), id(i), p, 0);
        }
        List<List<String>> expected = new ArrayList<>();
        List<NearbyQuery> queries = new ArrayList<>();
        for (int q = 0; q < 40; q++) {
            GeoPoint center = around(PLACES[q % PLACES.length], 2000);
            double radius = 10 + random.nextDouble() * 3000;
            queries.add(query(center, radius, Optional.empty(), 1 + random.nextInt(30)));
            expected.add(fullScan(center, radius));
        }

        // When
        List<List<String>> paged = queries.stream().map(this::allPages).toList();

        // Then
        assertThat(paged).isEqualTo(expected);
        assertThat(expected.stream().mapToInt(List::size).sum()).isGreaterThan(1000);
    }

    @Test
    void candidatesAreEveryItemWithinTheRadius() {
        // Given
        for (int i = 0; i < 2000; i++) {
            GeoPoint p = around(PLACES[i % PLACES.length], 2000);
            points.add(p);
            index.put(id(i), id(i), p, 0);
        }
        GeoPoint center = PLACES[1];
        double radius = points.get(5).distanceTo(center);

        // When
        List<String> found = index.candidates(center, radius, tags -> true, item -> true).stream()
                .map(CellIndex.Hit::id)
                .sorted()
                .toList();

        // Then
        assertThat(found)
                .contains(id(5))
                .isEqualTo(fullScan(center, radius).stream().sorted().toList());
    }

    @Test
    void candidatesAreEveryItemWithinRadiiFromMetresToTheLargestAndWhereFacesMeet() {
        // Given
        for (int i = 0; i < 4000; i++) {
            GeoPoint p = around(i % 5 == 4 ? CUBE_CORNER : PLACES[i % 4], 150_000);
            points.add(p);
            index.put(id(i), id(i), p, 0);
        }
        List<GeoPoint> centers = new ArrayList<>(List.of(PLACES));
        centers.add(CUBE_CORNER);
        double[] radii = {50, 800, 6_000, 40_000, Region.MAX_RADIUS_METERS};
        List<List<String>> expected = new ArrayList<>();
        for (GeoPoint center : centers) {
            for (double radius : radii) {
                expected.add(fullScan(center, radius).stream().sorted().toList());
            }
        }

        // When
        List<List<String>> found = new ArrayList<>();
        for (GeoPoint center : centers) {
            for (double radius : radii) {
                found.add(index.candidates(center, radius, tags -> true, item -> true).stream()
                        .map(CellIndex.Hit::id)
                        .sorted()
                        .toList());
            }
        }

        // Then
        assertThat(found).isEqualTo(expected);
        assertThat(expected.stream().mapToInt(List::size).sum()).isGreaterThan(1000);
    }

    private List<String> allPages(NearbyQuery first) {
        List<String> ids = new ArrayList<>();
        NearbyQuery query = first;
        while (true) {
            List<CellIndex.Hit<String>> page = index.nearest(query, tags -> true, item -> true);
            page.forEach(hit -> ids.add(hit.id()));
            if (page.size() < query.limit()) {
                return ids;
            }
            CellIndex.Hit<String> last = page.get(page.size() - 1);
            query = query(
                    query.center(),
                    query.radius(),
                    Optional.of(new NearbyQuery.Position(last.distance(), last.id())),
                    query.limit());
        }
    }

    private List<String> fullScan(GeoPoint center, double radius) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            ids.add(id(i));
        }
        return ids.stream()
                .filter(id -> distance(center, id) <= radius)
                .sorted(Comparator.<String>comparingDouble(id -> distance(center, id))
                        .thenComparing(Comparator.naturalOrder()))
                .toList();
    }

    private double distance(GeoPoint center, String id) {
        return center.distanceTo(points.get(Integer.parseInt(id.substring(1))));
    }

    private static NearbyQuery query(GeoPoint center, double radius, Optional<NearbyQuery.Position> after, int limit) {
        return new NearbyQuery(center, radius, Set.of(), Optional.empty(), after, limit);
    }

    private static String id(int i) {
        return "i" + i;
    }

    private GeoPoint around(GeoPoint p, double metres) {
        double dLat = (random.nextDouble() - 0.5) * 2 * metres / 111_000;
        double lat = Math.max(-90, Math.min(90, p.lat() + dLat));
        double dLng =
                (random.nextDouble() - 0.5) * 2 * metres / (111_000 * Math.max(0.01, Math.cos(Math.toRadians(lat))));
        double lng = p.lng() + dLng;
        return new GeoPoint(lat, lng > 180 ? lng - 360 : lng < -180 ? lng + 360 : lng);
    }
}
