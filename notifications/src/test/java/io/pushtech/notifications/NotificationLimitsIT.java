package io.pushtech.notifications;

import static io.pushtech.notifications.TestPlatform.started;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pushtech.devstack.DevStack;
import io.pushtech.devstack.FakeOneSignal.Received;
import io.pushtech.devstack.junit.TestNamespace;
import io.pushtech.devstack.junit.WithDevStack;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The hourly limit per user and the client's request rate, with collapsing off. */
@WithDevStack
class NotificationLimitsIT {

    private static final Duration LONG = Duration.ofSeconds(60);
    private static TestPlatform platform;

    @BeforeAll
    static void start(DevStack stack, TestNamespace namespace) throws Exception {
        platform = new TestPlatform(
                stack,
                namespace.value(),
                Map.of(
                        "NOTIFICATIONS_COLLAPSE_MS", "0",
                        "NOTIFICATIONS_MAX_PER_HOUR", "2",
                        "NOTIFICATIONS_RATE_PER_SECOND", "10"));
    }

    @AfterAll
    static void stop() throws Exception {
        platform.close();
    }

    @Test
    void userGetsAtMostTheHourlyLimit() throws Exception {
        // When
        for (int i = 0; i < 5; i++) {
            platform.publish(started("s-limit-" + i, "o-limit-" + i, "limited-user", "offerer-limit", 1));
        }

        // Then
        await().atMost(LONG).until(platform::allProcessed);
        assertThat(platform.sentTo("limited-user")).hasSize(2);
    }

    @Test
    void hourlyLimitHoldsAcrossARestart() throws Exception {
        // Given
        for (int i = 0; i < 2; i++) {
            platform.publish(
                    started("s-restart-limit-" + i, "o-restart-limit-" + i, "restart-limited", "offerer-rl", 1));
        }
        await().atMost(LONG)
                .until(() -> platform.allProcessed()
                        && platform.sentTo("restart-limited").size() == 2);
        platform.stop();
        platform.start();

        // When
        platform.publish(started("s-restart-limit-2", "o-restart-limit-2", "restart-limited", "offerer-rl", 1));

        // Then
        await().atMost(LONG).until(platform::allProcessed);
        assertThat(platform.sentTo("restart-limited")).hasSize(2);
    }

    @Test
    void burstOfMatchesStaysUnderOneSignalsRateLimit() throws Exception {
        // Given
        platform.oneSignal.rateLimit(25);

        // When
        for (int i = 0; i < 40; i++) {
            platform.publish(started("s-burst-" + i, "o-burst-" + i, "burst-" + i, "offerer-burst", 1));
        }

        // Then
        await().atMost(LONG).until(() -> platform.allProcessed());
        assertThat(platform.oneSignal.received().stream()
                        .filter(r -> r.externalIds().get(0).startsWith("burst-")))
                .extracting(Received::status)
                .hasSize(40)
                .containsOnly(200);
        assertThat(platform.oneSignal.violations()).isEmpty();
    }
}
