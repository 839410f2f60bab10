package io.pushtech.notifications.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UserStateTest {

    private static final Instant T0 = Instant.parse("2026-11-24T08:00:00Z");

    @Test
    void mergeKeepsTheLaterPushAndTheLaterHoursCount() {
        // Given
        UserState earlier = new UserState("u", Optional.of(T0), T0, 5);
        UserState later = new UserState("u", Optional.of(T0.plusSeconds(4000)), T0.plusSeconds(3700), 1);

        // When
        UserState merged = earlier.merge(later);

        // Then
        assertThat(merged).isEqualTo(later);
    }

    @Test
    void mergeOfTheSameHourKeepsTheHigherCount() {
        // Given
        UserState two = new UserState("u", Optional.of(T0.plusSeconds(60)), T0, 2);
        UserState three = new UserState("u", Optional.of(T0.plusSeconds(30)), T0, 3);

        // When
        UserState merged = two.merge(three);

        // Then
        assertThat(merged).isEqualTo(new UserState("u", Optional.of(T0.plusSeconds(60)), T0, 3));
    }

    @Test
    void mergeDoesNotDependOnOrderOrRepetition() {
        // Given
        UserState a = new UserState("u", Optional.of(T0.plusSeconds(10)), T0, 2);
        UserState b = new UserState("u", Optional.empty(), Instant.EPOCH, 0);
        UserState c = new UserState("u", Optional.of(T0.plusSeconds(20)), T0, 1);

        // When
        UserState forward = a.merge(b).merge(c).merge(c);
        UserState backward = c.merge(b).merge(a);

        // Then
        assertThat(forward).isEqualTo(backward);
    }
}
