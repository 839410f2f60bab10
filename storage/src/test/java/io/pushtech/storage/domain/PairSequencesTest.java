package io.pushtech.storage.domain;

import static io.pushtech.storage.domain.Items.T0;
import static io.pushtech.storage.domain.Items.offer;
import static io.pushtech.storage.domain.Items.search;
import static org.assertj.core.api.Assertions.assertThat;

import io.pushtech.storage.domain.MatchEvent.Reason;
import io.pushtech.storage.domain.MatchEvent.Type;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pair sequence numbers survive a restart: restored from stored pair states, or continued after a rebuild. */
class PairSequencesTest {

    private final Offer bike = offer("o1", "red bike", 52.52, 13.405, 1000);
    private final Search wanted = search("s1", "bike", 52.521, 13.405, 1000);

    @Test
    void restoredPairEndsWithTheNextSequenceNumber() {
        // Given
        MatchEngine before = new MatchEngine();
        before.apply(bike, Reason.CREATED, T0);
        before.apply(wanted, Reason.CREATED, T0);
        MatchEngine after = new MatchEngine();
        after.restore(bike, T0);
        after.restore(wanted, T0);
        before.drainPairChanges().forEach(after::restore);

        // When
        List<MatchEvent> events = after.removeOffer("o1");

        // Then
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(Type.ENDED);
            assertThat(e.sequence()).isEqualTo(2);
        });
        assertThat(after.matchesOfSearch("s1")).isEmpty();
    }

    @Test
    void restoredMatchedPairIsACurrentMatchWithoutAnEvent() {
        // Given
        MatchEngine after = new MatchEngine();
        after.restore(bike, T0);
        after.restore(wanted, T0);

        // When
        after.restore(new PairState("s1", "o1", true, 111.2, 1));

        // Then
        assertThat(after.matchesOfOffer("o1")).containsExactly(new CurrentMatch("s1", "o1", 111.2));
        assertThat(after.apply(wanted.movedTo(wanted.region().center(), T0), Reason.MOVED, T0))
                .isEmpty();
    }

    @Test
    void rebuiltPairSkipsTheNumberOfAChangeItDidNotPublish() {
        // Given: stored as ended at 4; the rebuild from the log finds it matching (its own count: 1)
        MatchEngine rebuilt = new MatchEngine();
        rebuilt.apply(bike, Reason.CREATED, T0);
        rebuilt.apply(wanted, Reason.CREATED, T0);
        rebuilt.continueSequences(List.of(new PairState("s1", "o1", false, 0, 4)));

        // When
        List<MatchEvent> events = rebuilt.removeOffer("o1");

        // Then
        assertThat(events).singleElement().satisfies(e -> assertThat(e.sequence())
                .isEqualTo(6));
    }

    @Test
    void rebuiltPairInTheStoredStateKeepsTheStoredNumber() {
        // Given
        MatchEngine rebuilt = new MatchEngine();
        rebuilt.apply(bike, Reason.CREATED, T0);
        rebuilt.apply(wanted, Reason.CREATED, T0);

        // When
        rebuilt.continueSequences(List.of(new PairState("s1", "o1", true, 111.2, 3)));

        // Then
        assertThat(rebuilt.pairStates()).singleElement().satisfies(p -> assertThat(p.sequence())
                .isEqualTo(3));
    }
}
