package io.pushtech.tracker.domain;

import io.pushtech.common.event.TrackingEvent;
import java.util.concurrent.CompletionStage;

/** Where accepted events go; the stage completes once the event is durable there. */
public interface EventSink {

    CompletionStage<Void> append(TrackingEvent event);
}
