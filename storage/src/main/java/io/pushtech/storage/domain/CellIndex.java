package io.pushtech.storage.domain;

import com.google.common.geometry.S1Angle;
import com.google.common.geometry.S2Cap;
import com.google.common.geometry.S2CellId;
import com.google.common.geometry.S2Point;
import com.google.common.geometry.S2RegionCoverer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.LongPredicate;
import java.util.function.Predicate;

/**
 * An in-memory point index on S2 cells: each item is kept under the leaf cell of its point, in cell
 * order, so the cells covering a circle (an S2 region covering) are contiguous key ranges. The covering
 * gives candidates; the exact great-circle distance decides. Each item also carries 64 tag bits chosen by
 * the caller (a signature of its terms, see {@link TermSignature}), tested before the item itself, so that
 * most candidates are turned down without reading the item. Not thread-safe.
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

    /** An indexed item with its point's unit vector, for {@link Reach}. */
    private record Entry<T>(String id, T item, GeoPoint point, long tags, long key, double x, double y, double z) {

        static <T> Entry<T> of(String id, T item, GeoPoint point, long tags) {
            S2Point p = point.toS2().toPoint();
            return new Entry<>(
                    id, item, point, tags, CellIndex.key(S2CellId.fromPoint(p)), p.getX(), p.getY(), p.getZ());
        }
    }

    /** Adds or moves the item {@code id}. */
    public void put(String id, T item, GeoPoint point, long tags) {
        remove(id);
        Entry<T> entry = Entry.of(id, item, point, tags);
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

    /**
     * The query's first page: the nearest {@code limit} items after its cursor within its radius whose tags
     * pass {@code tags} and that pass {@code filter}, nearest first (ties by id). Only the page is kept and
     * sorted, not every item in the radius.
     */
    public List<Hit<T>> nearest(NearbyQuery query, LongPredicate tags, Predicate<T> filter) {
        PriorityQueue<Hit<T>> page = new PriorityQueue<>(query.limit() + 1, NEAREST_FIRST.reversed());
        Reach reach = new Reach(query.center(), query.radius());
        forEachCandidate(reach, entry -> {
            if (!reach.mayHold(entry) || !tags.test(entry.tags) || !filter.test(entry.item)) {
                return;
            }
            double distance = query.center().distanceTo(entry.point);
            if (distance > query.radius() || !query.isAfterCursor(distance, entry.id)) {
                return;
            }
            Hit<T> hit = new Hit<>(entry.id, entry.item, entry.point, distance);
            if (page.size() < query.limit()) {
                page.add(hit);
            } else if (NEAREST_FIRST.compare(hit, page.peek()) < 0) {
                page.poll();
                page.add(hit);
            }
            if (page.size() == query.limit()) {
                reach.narrowTo(page.peek().distance());
            }
        });
        List<Hit<T>> hits = new ArrayList<>(page);
        hits.sort(NEAREST_FIRST);
        return hits;
    }

    /**
     * Every item within {@code radius} metres of {@code center} whose tags pass {@code tags} and that passes
     * {@code filter}, in no order. The tests run only on items that a cheap bound on the distance leaves in
     * reach, and the exact distance only on those that pass them.
     */
    public List<Hit<T>> candidates(GeoPoint center, double radius, LongPredicate tags, Predicate<T> filter) {
        List<Hit<T>> hits = new ArrayList<>();
        Reach reach = new Reach(center, radius);
        forEachCandidate(reach, entry -> {
            if (reach.mayHold(entry) && tags.test(entry.tags) && filter.test(entry.item)) {
                double distance = center.distanceTo(entry.point);
                if (distance <= radius) {
                    hits.add(new Hit<>(entry.id, entry.item, entry.point, distance));
                }
            }
        });
        return hits;
    }

    @SuppressWarnings("unchecked")
    private void forEachCandidate(Reach reach, Consumer<Entry<T>> action) {
        for (S2CellId cell : COVERER.getCovering(reach.cap()).cellIds()) {
            for (Object bucket : byCell.subMap(key(cell.rangeMin()), true, key(cell.rangeMax()), true)
                    .values()) {
                if (bucket instanceof List<?> list) {
                    list.forEach(entry -> action.accept((Entry<T>) entry));
                } else {
                    action.accept((Entry<T>) bucket);
                }
            }
        }
    }

    /**
     * A circle around a point, with a bound that rules out most items outside it without trigonometry: the
     * straight-line (chord) distance between unit vectors grows with the great-circle distance, so an item
     * whose chord is longer than the circle's (with a margin far above rounding errors) is outside it.
     */
    private static final class Reach {

        /** Relative and absolute margins on the chord (on the unit sphere; 1e-14 is about 64 nm). */
        private static final double RELATIVE_MARGIN = 1e-9;

        private static final double ABSOLUTE_MARGIN = 1e-14;

        private final S2Point center;
        private final double radius;
        private double maxChordSquared;

        Reach(GeoPoint center, double radius) {
            this.center = center.toS2().toPoint();
            this.radius = radius;
            narrowTo(radius);
        }

        S2Cap cap() {
            return S2Cap.fromAxisAngle(center, S1Angle.radians(radius / GeoPoint.EARTH_RADIUS_METERS));
        }

        /** Items farther than {@code distance} metres are of no more use. */
        void narrowTo(double distance) {
            double angle = Math.min(Math.PI, distance / GeoPoint.EARTH_RADIUS_METERS);
            double chord = 2 * Math.sin(angle / 2) * (1 + RELATIVE_MARGIN) + ABSOLUTE_MARGIN;
            maxChordSquared = chord * chord;
        }

        boolean mayHold(Entry<?> entry) {
            double dx = entry.x - center.getX();
            double dy = entry.y - center.getY();
            double dz = entry.z - center.getZ();
            return dx * dx + dy * dy + dz * dz <= maxChordSquared;
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
