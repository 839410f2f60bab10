package io.pushtech.tracker.infra.journal;

/**
 * What a drain may read in one segment: its records up to {@code end}, then those of the segment {@code nextId} when
 * this one is sealed (no longer takes appends), or nothing more yet ({@code nextId} negative). An immutable snapshot.
 */
record SegmentView(Segment segment, long end, long nextId) {

    boolean sealed() {
        return nextId >= 0;
    }
}
