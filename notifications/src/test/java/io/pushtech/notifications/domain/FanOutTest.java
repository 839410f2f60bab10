package io.pushtech.notifications.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FanOutTest {

    private final FanOut fanOut = new FanOut(new MessageRenderer(), 3);

    @Test
    void searchersOfOneOfferAtSimilarDistancesShareRequests() {
        // Given
        List<Delivery> deliveries = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            deliveries.add(new Delivery("u" + i, Role.SEARCHER, Matches.started("s" + i, "o1", "u" + i, 600 + i)));
        }

        // When
        List<Push> pushes = fanOut.group(deliveries, u -> false);

        // Then
        assertThat(pushes).extracting(p -> p.userIds().size()).containsExactly(3, 2);
        assertThat(pushes.get(0).message().data()).doesNotContainKey("searchId");
        assertThat(pushes.get(1).message().content()).isEqualTo("Red bike o1 · 120 EUR, less than 1 km away");
    }

    @Test
    void differentDistanceBandsAndTargetsAreSeparateRequests() {
        // Given
        List<Delivery> deliveries = List.of(
                new Delivery("near", Role.SEARCHER, Matches.started("s1", "o1", "near", 80)),
                new Delivery("far", Role.SEARCHER, Matches.started("s2", "o1", "far", 4000)),
                new Delivery("device", Role.SEARCHER, Matches.started("s3", "o1", "device", 4100)));

        // When
        List<Push> pushes = fanOut.group(deliveries, Set.of("device")::contains);

        // Then
        assertThat(pushes).hasSize(3).allSatisfy(p -> assertThat(p.message().data())
                .containsKey("searchId"));
    }

    @Test
    void keyDependsOnTheMatchesNotOnTheirOrder() {
        // Given
        Delivery a = new Delivery("u1", Role.SEARCHER, Matches.started("s1", "o1", "u1", 100));
        Delivery b = new Delivery("u2", Role.SEARCHER, Matches.started("s2", "o1", "u2", 100));

        // Then
        assertThat(IdempotencyKeys.of(List.of(a, b))).isEqualTo(IdempotencyKeys.of(List.of(b, a)));
        assertThat(IdempotencyKeys.of(List.of(a))).isNotEqualTo(IdempotencyKeys.of(List.of(b)));
        assertThat(IdempotencyKeys.of(List.of(a)))
                .isNotEqualTo(IdempotencyKeys.of(List.of(new Delivery("u1", Role.OFFERER, a.match()))));
    }

    @Test
    void collapsedPushCountsItsOffers() {
        // Given
        List<Delivery> three = List.of(
                new Delivery("u", Role.SEARCHER, Matches.started("s1", "o1", "u", 100)),
                new Delivery("u", Role.SEARCHER, Matches.started("s1", "o2", "u", 200)),
                new Delivery("u", Role.SEARCHER, Matches.started("s2", "o3", "u", 300)));

        // When
        Message message = new MessageRenderer().collapsed(three);

        // Then
        assertThat(message.heading()).isEqualTo("3 new offers near you");
        assertThat(message.content()).isEqualTo("Red bike o1, Red bike o2 and 1 more");
        assertThat(message.data()).containsEntry("count", 3);
    }
}
