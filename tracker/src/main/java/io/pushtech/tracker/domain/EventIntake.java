package io.pushtech.tracker.domain;

import com.fasterxml.jackson.databind.JsonNode;
import io.pushtech.common.event.TrackingEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Judges what a client sent: a single event, or a batch whose events are judged each on its own (valid ones
 * are accepted even when others are not). Pure and thread-safe.
 */
public final class EventIntake {

    private final EventSchema schema;
    private final PropertyChecks checks;
    private final EventFactory factory;
    private final EventLimits limits;

    public EventIntake(EventSchema schema, EventLimits limits, EventFactory factory) {
        this.schema = schema;
        this.checks = new PropertyChecks(limits);
        this.factory = factory;
        this.limits = limits;
    }

    /** @throws InvalidEventException naming the first rule the event breaks */
    public TrackingEvent single(JsonNode event, Arrival arrival) {
        Optional<Rejection> rejected = checks.check(event).or(() -> schema.check(event));
        if (rejected.isPresent()) {
            Rejection rejection = rejected.get();
            throw new InvalidEventException(rejection.code(), rejection.field(), rejection.message());
        }
        return factory.create(event, arrival);
    }

    /** @throws BatchTooLargeException when the batch holds more events than allowed (nothing is accepted then) */
    public BatchOutcome batch(JsonNode events, Arrival arrival) {
        if (events.size() > limits.maxBatchEvents()) {
            throw new BatchTooLargeException(limits.maxBatchEvents(), events.size());
        }
        List<TrackingEvent> accepted = new ArrayList<>(events.size());
        List<BatchOutcome.Rejected> rejected = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            try {
                accepted.add(single(events.get(i), arrival));
            } catch (InvalidEventException e) {
                rejected.add(new BatchOutcome.Rejected(i, e.rejection()));
            }
        }
        return new BatchOutcome(accepted, rejected);
    }
}
