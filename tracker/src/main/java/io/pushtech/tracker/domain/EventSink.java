package io.pushtech.tracker.domain;

import io.pushtech.common.event.TrackingEvent;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** Where accepted events go; the stage completes once all of them are durable there, and fails otherwise. */
public interface EventSink {

    CompletionStage<Void> append(List<TrackingEvent> events);
}
