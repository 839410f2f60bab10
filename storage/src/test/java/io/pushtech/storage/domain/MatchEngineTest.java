package io.pushtech.storage.domain;

import static io.pushtech.storage.domain.Items.T0;
import static io.pushtech.storage.domain.Items.north;
import static io.pushtech.storage.domain.Items.offer;
import static io.pushtech.storage.domain.Items.search;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.pushtech.storage.domain.MatchEvent.Reason;
import io.pushtech.storage.domain.MatchEvent.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MatchEngineTest {

    private static final GeoPoint BERLIN = new GeoPoint(52.52, 13.405);

    private final MatchEngine engine = new MatchEngine();

    @Test
    void matchesWhenRadiusIsExactlyTheDistance() {
        // Given
        GeoPoint there = north(BERLIN, 1000);
        double distance = BERLIN.distanceTo(there);
        engine.apply(offer("o1", "Red bike", there.lat(), there.lng(), distance), Reason.CREATED, T0);

        // When
        List<MatchEvent> events =
                engine.apply(search("s1", "bikes", BERLIN.lat(), BERLIN.lng(), distance), Reason.CREATED, T0);

        // Then
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(Type.STARTED);
            assertThat(e.distance()).isEqualTo(distance);
            assertThat(e.sequence()).isEqualTo(1);
        });
    }

    @Test
    void doesNotMatchJustOutsideEitherRadius() {
        // Given
        engine.apply(offer("o1", "red bike", north(BERLIN, 1001).lat(), BERLIN.lng(), 5000), Reason.CREATED, T0);

        // When
        List<MatchEvent> events =
                engine.apply(search("s1", "bike", BERLIN.lat(), BERLIN.lng(), 1000), Reason.CREATED, T0);

        // Then
        assertThat(events).isEmpty();
    }

    @Test
    void matchesAcrossTheAntimeridian() {
        // Given
        engine.apply(offer("o1", "kayak", -16.5, 179.9995, 200), Reason.CREATED, T0);

        // When
        List<MatchEvent> events = engine.apply(search("s1", "kayak", -16.5, -179.9995, 200), Reason.CREATED, T0);

        // Then
        assertThat(events).singleElement().satisfies(e -> assertThat(e.distance())
                .isBetween(100.0, 120.0));
    }

    @Test
    void matchesAcrossThePole() {
        // Given
        engine.apply(offer("o1", "sled", 89.9997, 0, 100), Reason.CREATED, T0);

        // When
        List<MatchEvent> events = engine.apply(search("s1", "sled", 89.9997, 180, 100), Reason.CREATED, T0);

        // Then
        assertThat(events).singleElement().satisfies(e -> assertThat(e.distance())
                .isBetween(60.0, 75.0));
    }

    @Test
    void matchesEveryOfferOnTheSamePoint() {
        // Given
        engine.apply(offer("o1", "lamp", 48.85, 2.35, 100), Reason.CREATED, T0);
        engine.apply(offer("o2", "lamp", 48.85, 2.35, 100), Reason.CREATED, T0);

        // When
        List<MatchEvent> events = engine.apply(search("s1", "lamps", 48.85, 2.35, 100), Reason.CREATED, T0);

        // Then
        assertThat(events).extracting(MatchEvent::offerId).containsExactlyInAnyOrder("o1", "o2");
    }

    @Test
    void pairMovingAcrossRadiusEdgeNotifiesOnce() {
        // Given
        engine.apply(offer("o1", "bike", BERLIN.lat(), BERLIN.lng(), 1000), Reason.CREATED, T0);
        Search s = search("s1", "bike", north(BERLIN, 990).lat(), BERLIN.lng(), 1000);
        List<MatchEvent> events = new ArrayList<>(engine.apply(s, Reason.CREATED, T0));

        // When
        for (int i = 0; i < 10; i++) {
            s = s.movedTo(north(BERLIN, i % 2 == 0 ? 1010 : 995), T0);
            events.addAll(engine.apply(s, Reason.MOVED, T0));
        }

        // Then
        assertThat(events).singleElement().extracting(MatchEvent::type).isEqualTo(Type.STARTED);
    }

    @Test
    void itemMovingOutAndBackEndsAndStartsAgainWithGrowingSequence() {
        // Given
        engine.apply(offer("o1", "bike", BERLIN.lat(), BERLIN.lng(), 1000), Reason.CREATED, T0);
        Search s = search("s1", "bike", BERLIN.lat(), BERLIN.lng(), 1000);
        List<MatchEvent> events = new ArrayList<>(engine.apply(s, Reason.CREATED, T0));

        // When
        s = s.movedTo(north(BERLIN, 5000), T0);
        events.addAll(engine.apply(s, Reason.MOVED, T0));
        s = s.movedTo(north(BERLIN, 10), T0);
        events.addAll(engine.apply(s, Reason.MOVED, T0));

        // Then
        assertThat(events)
                .extracting(MatchEvent::type, MatchEvent::reason, MatchEvent::sequence)
                .containsExactly(
                        tuple(Type.STARTED, Reason.CREATED, 1L),
                        tuple(Type.ENDED, Reason.MOVED, 2L),
                        tuple(Type.STARTED, Reason.MOVED, 3L));
    }

    @Test
    void bothSidesMovingTogetherStartOnce() {
        // Given
        Offer o = offer("o1", "bike", BERLIN.lat(), BERLIN.lng(), 500);
        Search s = search("s1", "bike", north(BERLIN, 3000).lat(), BERLIN.lng(), 500);
        engine.apply(o, Reason.CREATED, T0);
        engine.apply(s, Reason.CREATED, T0);
        GeoPoint meeting = north(BERLIN, 1500);

        // When
        List<MatchEvent> events = new ArrayList<>(engine.apply(o.movedTo(meeting, T0), Reason.MOVED, T0));
        events.addAll(engine.apply(s.movedTo(meeting, T0), Reason.MOVED, T0));

        // Then
        assertThat(events).singleElement().extracting(MatchEvent::type).isEqualTo(Type.STARTED);
    }

    @Test
    void deletingAnOfferEndsAllItsMatches() {
        // Given
        engine.apply(offer("o1", "bike", BERLIN.lat(), BERLIN.lng(), 1000), Reason.CREATED, T0);
        engine.apply(search("s1", "bike", BERLIN.lat(), BERLIN.lng(), 1000), Reason.CREATED, T0);
        engine.apply(search("s2", "bike", BERLIN.lat(), BERLIN.lng(), 1000), Reason.CREATED, T0);

        // When
        List<MatchEvent> events = engine.removeOffer("o1");

        // Then
        assertThat(events)
                .extracting(MatchEvent::searchId, MatchEvent::type, MatchEvent::reason)
                .containsExactlyInAnyOrder(
                        tuple("s1", Type.ENDED, Reason.DELETED), tuple("s2", Type.ENDED, Reason.DELETED));
    }

    @Test
    void expiredSearchEndsItsMatches() {
        // Given
        engine.apply(offer("o1", "bike", BERLIN.lat(), BERLIN.lng(), 1000), Reason.CREATED, T0);
        engine.apply(
                Items.expiring(search("s1", "bike", BERLIN.lat(), BERLIN.lng(), 1000), T0.plusSeconds(60)),
                Reason.CREATED,
                T0);

        // When
        List<MatchEvent> events = engine.expire(T0.plusSeconds(60));

        // Then
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(Type.ENDED);
            assertThat(e.reason()).isEqualTo(Reason.EXPIRED);
        });
    }

    @Test
    void changedKeywordsEndTheMatch() {
        // Given
        engine.apply(offer("o1", "bike", BERLIN.lat(), BERLIN.lng(), 1000), Reason.CREATED, T0);
        Search s = search("s1", "bike", BERLIN.lat(), BERLIN.lng(), 1000);
        engine.apply(s, Reason.CREATED, T0);

        // When
        List<MatchEvent> events = engine.apply(Items.withKeywords(s, "sofa"), Reason.UPDATED, T0);

        // Then
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(Type.ENDED);
            assertThat(e.reason()).isEqualTo(Reason.UPDATED);
        });
    }

    @Test
    void staleVersionIsIgnored() {
        // Given
        Search s = search("s1", "bike", BERLIN.lat(), BERLIN.lng(), 1000);
        engine.apply(s.movedTo(north(BERLIN, 50_000), T0), Reason.MOVED, T0);
        engine.apply(offer("o1", "bike", BERLIN.lat(), BERLIN.lng(), 1000), Reason.CREATED, T0);

        // When
        List<MatchEvent> events = engine.apply(s, Reason.CREATED, T0);

        // Then
        assertThat(events).isEmpty();
        assertThat(engine.search("s1").orElseThrow().version()).isEqualTo(2);
    }

    @Test
    void categoryMustBeEqualWhenTheSearchNamesOne() {
        // Given
        engine.apply(offer("o1", "bike", BERLIN.lat(), BERLIN.lng(), 1000), Reason.CREATED, T0);
        Search s = search("s1", "bike", BERLIN.lat(), BERLIN.lng(), 1000);
        Search withCategory = new Search(
                s.id(),
                s.ownerId(),
                s.keywords(),
                Optional.of("Bikes"),
                s.region(),
                false,
                s.expiresAt(),
                true,
                1,
                T0,
                T0);

        // When
        List<MatchEvent> events = engine.apply(withCategory, Reason.CREATED, T0);

        // Then
        assertThat(events).isEmpty();
    }
}
