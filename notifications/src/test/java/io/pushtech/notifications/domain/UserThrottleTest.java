package io.pushtech.notifications.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UserThrottleTest {

    private static final Instant NOON_UTC = Instant.parse("2026-11-24T12:00:00Z");
    private final UserThrottle throttle = new UserThrottle(Duration.ofMinutes(1), 3);
    private final Preferences anyone = Preferences.defaults("u");

    @Test
    void firstPushGoesAtOnce() {
        // Then
        assertThat(throttle.decide(UserState.fresh("u"), anyone, NOON_UTC)).isEqualTo(UserThrottle.Verdict.SEND);
    }

    @Test
    void pushWithinTheWindowAfterAnotherWaitsToBeCollapsed() {
        // Given
        UserState state = UserState.fresh("u").afterPush(NOON_UTC);

        // Then
        assertThat(throttle.decide(state, anyone, NOON_UTC.plusSeconds(59))).isEqualTo(UserThrottle.Verdict.COLLAPSE);
        assertThat(throttle.decide(state, anyone, NOON_UTC.plusSeconds(60))).isEqualTo(UserThrottle.Verdict.SEND);
    }

    @Test
    void hourlyLimitStopsPushesUntilTheHourIsOver() {
        // Given
        UserState state = UserState.fresh("u")
                .afterPush(NOON_UTC)
                .afterPush(NOON_UTC.plusSeconds(120))
                .afterPush(NOON_UTC.plusSeconds(240));

        // Then
        assertThat(throttle.decide(state, anyone, NOON_UTC.plusSeconds(600)))
                .isEqualTo(UserThrottle.Verdict.HOURLY_LIMIT);
        assertThat(throttle.decide(state, anyone, NOON_UTC.plusSeconds(3600))).isEqualTo(UserThrottle.Verdict.SEND);
    }

    @Test
    void usersOwnLowerLimitApplies() {
        // Given
        Preferences one =
                new Preferences("u", List.of(), ZoneId.of("UTC"), Optional.empty(), true, false, Optional.of(1));
        UserState state = UserState.fresh("u").afterPush(NOON_UTC);

        // Then
        assertThat(throttle.decide(state, one, NOON_UTC.plusSeconds(120))).isEqualTo(UserThrottle.Verdict.HOURLY_LIMIT);
    }

    @Test
    void quietHoursAreReadInTheUsersTimeZoneAcrossMidnight() {
        // Given
        Preferences tokyo = new Preferences(
                "u",
                List.of(),
                ZoneId.of("Asia/Tokyo"),
                Optional.of(new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0))),
                true,
                false,
                Optional.empty());

        // Then
        assertThat(throttle.decide(UserState.fresh("u"), tokyo, Instant.parse("2026-11-24T14:00:00Z")))
                .as("23:00 in Tokyo")
                .isEqualTo(UserThrottle.Verdict.QUIET_HOURS);
        assertThat(throttle.decide(UserState.fresh("u"), tokyo, Instant.parse("2026-11-24T21:30:00Z")))
                .as("06:30 in Tokyo")
                .isEqualTo(UserThrottle.Verdict.QUIET_HOURS);
        assertThat(throttle.decide(UserState.fresh("u"), tokyo, NOON_UTC))
                .as("21:00 in Tokyo")
                .isEqualTo(UserThrottle.Verdict.SEND);
    }
}
