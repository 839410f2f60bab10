package io.pushtech.storage.domain;

import com.google.common.geometry.S1Angle;
import com.google.common.geometry.S2Cap;
import com.google.common.geometry.S2CellId;
import com.google.common.geometry.S2RegionCoverer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * An in-memory point index on S2 cells: each item is kept under the leaf cell of its point, in cell
 * order, so the cells covering a circle (an S2 region covering) are contiguous key ranges. The covering
 * gives candidates; the exact great-circle distance decides. Not thread-safe.
 *
 * @param <T> the kind of item indexed
 */
public final class CellIndex<T> {

    private static final int MAX_COVERING_CELLS = 12;
    private static final S2RegionCoverer COVERER =
            S2RegionCoverer.builder().setMaxCells(MAX_COVERING_CELLS).build();
    private static final Comparator<Hit<?>> NEAREST_FIRST =
            Comparator.<Hit<?>>comparingDouble(Hit::distance).thenComparing(Hit::id);

    /** Keys are leaf cell ids shifted so that signed order is S2's unsigned cell order. */
    private final TreeMap<Long, Object> byCell = new TreeMap<>();

    private final Map<String, Entry<T>> byId = new HashMap<>();

    /** An item found near a point, with its exact distance in metres. */
    public record Hit<T>(String id, T item, GeoPoint point, double distance) {}

    private record Entry<T>(String id, T item, GeoPoint point, long key) {}

    /** Adds or moves the item {@code id}. */
    public void put(String id, T item, GeoPoint point) {
        remove(id);
        Entry<T> entry = new Entry<>(id, item, point, key(S2CellId.fromLatLng(point.toS2())));
        byId.put(id, entry);
        byCell.merge(entry.key, entry, CellIndex::together);
    }

    public void remove(String id) {
        Entry<T> entry = byId.remove(id);
        if (entry == null) {
            return;
        }
        Object bucket = byCell.get(entry.key);
        if (bucket instanceof List<?> list) {
            list.remove(entry);
            if (list.size() == 1) {
                byCell.put(entry.key, list.get(0));
            }
        } else {
            byCell.remove(entry.key);
        }
    }

    public int size() {
        return byId.size();
    }

    /** Every item within {@code radius} metres of {@code center}, nearest first (ties by id). */
    public List<Hit<T>> within(GeoPoint center, double radius) {
        List<Hit<T>> hits = candidates(center, radius, item -> true);
        hits.sort(NEAREST_FIRST);
        return hits;
    }

    /**
     * Every item within {@code radius} metres of {@code center} that passes {@code filter}, in no order. The
     * filter runs before the distance is measured, so a selective one saves most of the work.
     */
    public List<Hit<T>> candidates(GeoPoint center, double radius, Predicate<T> filter) {
        List<Hit<T>> hits = new ArrayList<>();
        S2Cap cap =
                S2Cap.fromAxisAngle(center.toS2().toPoint(), S1Angle.radians(radius / GeoPoint.EARTH_RADIUS_METERS));
        for (S2CellId cell : COVERER.getCovering(cap).cellIds()) {
            for (Object bucket : byCell.subMap(key(cell.rangeMin()), true, key(cell.rangeMax()), true)
                    .values()) {
                collect(bucket, center, radius, filter, hits);
            }
        }
        return hits;
    }

    @SuppressWarnings("unchecked")
    private void collect(Object bucket, GeoPoint center, double radius, Predicate<T> filter, List<Hit<T>> hits) {
        if (bucket instanceof List<?> list) {
            list.forEach(entry -> collect(entry, center, radius, filter, hits));
            return;
        }
        Entry<T> entry = (Entry<T>) bucket;
        if (!filter.test(entry.item)) {
            return;
        }
        double distance = center.distanceTo(entry.point);
        if (distance <= radius) {
            hits.add(new Hit<>(entry.id, entry.item, entry.point, distance));
        }
    }

    private static Object together(Object existing, Object added) {
        List<Object> list = existing instanceof List<?> old ? new ArrayList<>(old) : new ArrayList<>(List.of(existing));
        list.add(added);
        return list;
    }

    private static long key(S2CellId cell) {
        return cell.id() ^ Long.MIN_VALUE;
    }
}
