package io.pushtech.notifications;

import static io.pushtech.notifications.TestPlatform.match;
import static io.pushtech.notifications.TestPlatform.started;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pushtech.devstack.DevStack;
import io.pushtech.devstack.FakeOneSignal.Received;
import io.pushtech.devstack.junit.TestNamespace;
import io.pushtech.devstack.junit.WithDevStack;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Stopping notifications in the middle of a stream of matches, with requests in flight, then starting it again. */
@WithDevStack
class NotificationsRestartIT {

    private static final int MATCHES = 400;
    private static TestPlatform platform;

    @BeforeAll
    static void start(DevStack stack, TestNamespace namespace) throws Exception {
        platform = new TestPlatform(
                stack,
                namespace.value(),
                Map.of("NOTIFICATIONS_COLLAPSE_MS", "0", "NOTIFICATIONS_RATE_PER_SECOND", "200"));
    }

    @AfterAll
    static void stop() throws Exception {
        platform.close();
    }

    @Test
    void restartMidStreamLosesAndDuplicatesNothing() throws Exception {
        // Given
        for (int i = 0; i < MATCHES; i++) {
            platform.publish(started("s-r-" + i, "o-r-" + i, "restart-" + i, "offerer-r", 1));
        }
        await().atMost(Duration.ofSeconds(60))
                .until(() -> platform.oneSignal.sent().size() >= MATCHES / 4);
        platform.oneSignal.delayNext(20, Duration.ofSeconds(8));

        // When
        platform.stop();
        platform.start();

        // Then
        List<String> users =
                IntStream.range(0, MATCHES).mapToObj(i -> "restart-" + i).toList();
        await().atMost(Duration.ofSeconds(120))
                .until(() -> platform.allProcessed()
                        && users.stream().allMatch(u -> !platform.sentTo(u).isEmpty()));
        Map<String, Long> pushesPerUser = platform.oneSignal.sent().stream()
                .flatMap(r -> r.externalIds().stream())
                .filter(u -> u.startsWith("restart-"))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(pushesPerUser)
                .hasSize(MATCHES)
                .allSatisfy((user, count) -> assertThat(count).as(user).isEqualTo(1));
        assertThat(platform.oneSignal.received()).extracting(Received::status).containsOnly(200);
        assertThat(platform.oneSignal.violations()).isEmpty();
    }

    @Test
    void pairThatNotifiedStaysQuietAfterARestartWhenItMatchesAgain() throws Exception {
        // Given
        platform.publish(started("s-again", "o-again", "again-user", "offerer-again", 1));
        await().atMost(Duration.ofSeconds(60))
                .until(() ->
                        platform.allProcessed() && platform.sentTo("again-user").size() == 1);
        platform.stop();
        platform.start();

        // When
        platform.publish(match("ended", "s-again", "o-again", "again-user", "offerer-again", 2, "Red bike", 420));
        platform.publish(started("s-again", "o-again", "again-user", "offerer-again", 3));

        // Then
        await().atMost(Duration.ofSeconds(60)).until(platform::allProcessed);
        assertThat(platform.sentTo("again-user")).hasSize(1);
    }
}
