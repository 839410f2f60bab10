package io.pushtech.notifications.infra;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class OffsetTrackerTest {

    private static final TopicPartition P0 = new TopicPartition("matches", 0);

    @Test
    void commitStopsAtTheFirstRecordStillWaitingForItsPush() {
        // Given
        OffsetTracker tracker = new OffsetTracker();
        tracker.polled(P0, 10, 0);
        tracker.polled(P0, 11, 1);
        tracker.polled(P0, 12, 0);

        // Then
        assertThat(tracker.toCommit()).containsEntry(P0, new OffsetAndMetadata(11));
        tracker.done(P0, 11);
        assertThat(tracker.toCommit()).containsEntry(P0, new OffsetAndMetadata(13));
        assertThat(tracker.toCommit()).isEmpty();
    }

    @Test
    void recordWithSeveralPushesIsDoneAfterTheLast() {
        // Given
        OffsetTracker tracker = new OffsetTracker();
        tracker.polled(P0, 5, 0);
        tracker.add(P0, 5, 2);

        // When
        tracker.done(P0, 5);

        // Then
        assertThat(tracker.toCommit()).containsEntry(P0, new OffsetAndMetadata(5));
        tracker.done(P0, 5);
        assertThat(tracker.toCommit()).containsEntry(P0, new OffsetAndMetadata(6));
    }
}
