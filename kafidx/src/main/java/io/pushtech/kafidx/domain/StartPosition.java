package io.pushtech.kafidx.domain;

import java.time.Instant;
import java.util.OptionalInt;

/** Where a view starts reading its topics. */
public sealed interface StartPosition {

    /** New events only: the end of every partition. */
    record Latest() implements StartPosition {}

    /** The oldest events the topics still hold. */
    record Earliest() implements StartPosition {}

    /** The first events at or after {@code time} in each partition. */
    record AtTime(Instant time) implements StartPosition {}

    /** {@code offset} in {@code partition}, or in every partition when none is given (clamped to what exists). */
    record AtOffset(OptionalInt partition, long offset) implements StartPosition {
        public AtOffset {
            if (offset < 0) {
                throw new IllegalArgumentException("an offset is not negative");
            }
        }
    }
}
