package io.pushtech.storage.domain;

import com.google.common.geometry.S1Angle;
import com.google.common.geometry.S2Cap;
import com.google.common.geometry.S2CellId;
import com.google.common.geometry.S2Point;
import com.google.common.geometry.S2RegionCoverer;
import java.util.ArrayList;
import java.util.Arrays;
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
 * An in-memory point index on S2 cells: items are kept in buckets, one per S2 cell of level
 * {@value #BUCKET_LEVEL} (about 0.3 km²), in cell order, so the buckets under the cells covering a circle
 * (an S2 region covering) are contiguous key ranges. A bucket holds its items' unit vectors and tags in flat
 * arrays, scanned in memory order. The covering gives candidates; the exact great-circle distance decides.
 * Each item also carries 64 tag bits chosen by the caller (a signature of its terms, see {@link
 * TermSignature}), tested before the item itself, so that most candidates are turned down without reading
 * the item. Not thread-safe.
 *
 * @param <T> the kind of item indexed
 */
public final class CellIndex<T> {

    private static final int BUCKET_LEVEL = 14;
    private static final int MAX_COVERING_CELLS = 12;
    private static final S2RegionCoverer COVERER = S2RegionCoverer.builder()
            .setMaxCells(MAX_COVERING_CELLS)
            .setMaxLevel(BUCKET_LEVEL)
            .build();
    private static final Comparator<Hit<?>> NEAREST_FIRST =
            Comparator.<Hit<?>>comparingDouble(Hit::distance).thenComparing(Hit::id);

    /** Keys are bucket cell ids shifted so that signed order is S2's unsigned cell order. */
    private final TreeMap<Long, Bucket<T>> buckets = new TreeMap<>();

    private final Map<String, Entry<T>> byId = new HashMap<>();

    /** An item found near a point, with its exact distance in metres. */
    public record Hit<T>(String id, T item, GeoPoint point, double distance) {}

    /** An indexed item, and where it sits in its bucket. */
    private static final class Entry<T> {
        final String id;
        final T item;
        final GeoPoint point;
        final Bucket<T> bucket;
        int slot;

        Entry(String id, T item, GeoPoint point, Bucket<T> bucket) {
            this.id = id;
            this.item = item;
            this.point = point;
            this.bucket = bucket;
        }
    }

    /** Adds or moves the item {@code id}. */
    public void put(String id, T item, GeoPoint point, long tags) {
        remove(id);
        S2Point p = point.toS2().toPoint();
        long key = key(S2CellId.fromPoint(p).parent(BUCKET_LEVEL));
        Bucket<T> bucket = buckets.computeIfAbsent(key, Bucket::new);
        Entry<T> entry = new Entry<>(id, item, point, bucket);
        bucket.add(entry, p, tags);
        byId.put(id, entry);
    }

    public void remove(String id) {
        Entry<T> entry = byId.remove(id);
        if (entry == null) {
            return;
        }
        entry.bucket.remove(entry);
        if (entry.bucket.size == 0) {
            buckets.remove(entry.bucket.key);
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
        forEachCandidate(reach, tags, entry -> {
            if (!filter.test(entry.item)) {
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
        forEachCandidate(new Reach(center, radius), tags, entry -> {
            if (filter.test(entry.item)) {
                double distance = center.distanceTo(entry.point);
                if (distance <= radius) {
                    hits.add(new Hit<>(entry.id, entry.item, entry.point, distance));
                }
            }
        });
        return hits;
    }

    /** The items the reach may hold whose tags pass, read from the buckets under the covering. */
    private void forEachCandidate(Reach reach, LongPredicate tags, Consumer<Entry<T>> action) {
        for (S2CellId cell : COVERER.getCovering(reach.cap()).cellIds()) {
            for (Bucket<T> bucket : buckets.subMap(key(cell.rangeMin()), true, key(cell.rangeMax()), true)
                    .values()) {
                for (int i = 0; i < bucket.size; i++) {
                    if (reach.mayHold(bucket.xyz, i) && tags.test(bucket.tags[i])) {
                        action.accept(bucket.entries[i]);
                    }
                }
            }
        }
    }

    /** The items of one cell: unit vectors and tags in flat arrays, for scans that read memory in order. */
    private static final class Bucket<T> {
        final long key;
        double[] xyz = new double[3 * 4];
        long[] tags = new long[4];
        Entry<T>[] entries = newEntries(4);
        int size;

        Bucket(long key) {
            this.key = key;
        }

        void add(Entry<T> entry, S2Point p, long entryTags) {
            if (size == tags.length) {
                xyz = Arrays.copyOf(xyz, 6 * size);
                tags = Arrays.copyOf(tags, 2 * size);
                entries = Arrays.copyOf(entries, 2 * size);
            }
            set(size, entry, p.getX(), p.getY(), p.getZ(), entryTags);
            size++;
        }

        /** Moves the last item into the removed one's slot. */
        void remove(Entry<T> entry) {
            int last = size - 1;
            int slot = entry.slot;
            set(slot, entries[last], xyz[3 * last], xyz[3 * last + 1], xyz[3 * last + 2], tags[last]);
            entries[last] = null;
            size = last;
        }

        private void set(int slot, Entry<T> entry, double x, double y, double z, long entryTags) {
            xyz[3 * slot] = x;
            xyz[3 * slot + 1] = y;
            xyz[3 * slot + 2] = z;
            tags[slot] = entryTags;
            entries[slot] = entry;
            entry.slot = slot;
        }

        @SuppressWarnings("unchecked")
        private static <T> Entry<T>[] newEntries(int length) {
            return (Entry<T>[]) new Entry<?>[length];
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

        /** Whether the point at {@code slot} of these unit vectors may lie in reach. */
        boolean mayHold(double[] xyz, int slot) {
            double dx = xyz[3 * slot] - center.getX();
            double dy = xyz[3 * slot + 1] - center.getY();
            double dz = xyz[3 * slot + 2] - center.getZ();
            return dx * dx + dy * dy + dz * dz <= maxChordSquared;
        }
    }

    private static long key(S2CellId cell) {
        return cell.id() ^ Long.MIN_VALUE;
    }
}
