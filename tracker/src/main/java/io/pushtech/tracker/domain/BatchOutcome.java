package io.pushtech.tracker.domain;

import io.pushtech.common.event.TrackingEvent;
import java.util.List;

/** The events of a batch that were accepted, and the index and reason of each one that was not. */
public record BatchOutcome(List<TrackingEvent> accepted, List<Rejected> rejected) {

    public BatchOutcome {
        accepted = List.copyOf(accepted);
        rejected = List.copyOf(rejected);
    }

    /** The event at {@code index} of the batch was rejected for {@code reason}. */
    public record Rejected(int index, Rejection reason) {}
}
