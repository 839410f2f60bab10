package io.pushtech.notifications;

import static io.pushtech.notifications.TestPlatform.started;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pushtech.devstack.DevStack;
import io.pushtech.devstack.FakeOneSignal.Received;
import io.pushtech.devstack.junit.TestNamespace;
import io.pushtech.devstack.junit.WithDevStack;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@WithDevStack
class NotificationsIT {

    private static final Duration LONG = Duration.ofSeconds(30);
    private static TestPlatform platform;

    @BeforeAll
    static void start(DevStack stack, TestNamespace namespace) throws Exception {
        platform = new TestPlatform(
                stack,
                namespace.value(),
                Map.of(
                        "NOTIFICATIONS_COLLAPSE_MS", "5000",
                        "NOTIFICATIONS_REQUEST_TIMEOUT_MS", "1000",
                        "NOTIFICATIONS_GIVE_UP_SECONDS", "20"));
    }

    @AfterAll
    static void stop() throws Exception {
        platform.close();
    }

    @AfterEach
    void requestsFollowTheDocumentedApi() {
        assertThat(platform.oneSignal.violations()).isEmpty();
    }

    @Test
    void newMatchPushesOnceToTheSearcher() throws Exception {
        // When
        platform.publish(started("s-new", "o-new", "searcher-new", "offerer-new", 1));

        // Then
        Received push = await().atMost(LONG)
                .until(() -> platform.sentTo("searcher-new"), l -> !l.isEmpty())
                .get(0);
        assertThat(push.externalIds()).containsExactly("searcher-new");
        assertThat(push.heading()).isEqualTo("New offer near you: Red bike o-new");
        assertThat(push.content()).isEqualTo("Red bike o-new · 120 EUR, less than 500 m away");
        assertThat(push.data().getString("searchId")).isEqualTo("s-new");
        assertThat(push.data().getString("offerId")).isEqualTo("o-new");
        await().atMost(LONG).until(platform::allProcessed);
        assertThat(platform.sentTo("searcher-new")).hasSize(1);
        assertThat(platform.sentTo("offerer-new")).isEmpty();
    }

    @Test
    void matchThatAlreadyNotifiedDoesNotPushAgain() throws Exception {
        // Given
        JsonObject first = platform.publish(started("s-dup", "o-dup", "searcher-dup", "offerer-dup", 1));
        await().atMost(LONG).until(() -> platform.sentTo("searcher-dup"), l -> l.size() == 1);

        // When
        platform.publish(first);
        platform.publish(TestPlatform.match("ended", "s-dup", "o-dup", "searcher-dup", "offerer-dup", 2, "x", 900));
        platform.publish(started("s-dup", "o-dup", "searcher-dup", "offerer-dup", 3));

        // Then
        await().atMost(LONG).until(platform::allProcessed);
        assertThat(platform.sentTo("searcher-dup")).hasSize(1);
    }

    @Test
    void timedOutRequestIsRetriedWithTheSameKeyAndSentOnce() throws Exception {
        // Given
        platform.oneSignal.delayNext(1, Duration.ofMillis(2500));

        // When
        platform.publish(started("s-slow", "o-slow", "searcher-slow", "offerer-slow", 1));

        // Then
        await().atMost(LONG).until(() -> requestsFor("searcher-slow").size() >= 2 && platform.allProcessed());
        List<Received> requests = requestsFor("searcher-slow");
        assertThat(requests)
                .extracting(Received::idempotencyKey)
                .containsOnly(requests.get(0).idempotencyKey());
        await().atMost(LONG).until(() -> requestsFor("searcher-slow").stream().anyMatch(Received::duplicate));
        assertThat(platform.sentTo("searcher-slow")).hasSize(1);
    }

    @Test
    void rateLimitedRequestWaitsForRetryAfter() throws Exception {
        // Given
        platform.oneSignal.failNext(1, 429, Optional.of(1));

        // When
        platform.publish(started("s-429", "o-429", "searcher-429", "offerer-429", 1));

        // Then
        await().atMost(LONG).until(() -> platform.sentTo("searcher-429"), l -> l.size() == 1);
        List<Received> requests = requestsFor("searcher-429");
        assertThat(requests).extracting(Received::status).containsExactly(429, 200);
        assertThat(requests.get(1).arrivalNanos() - requests.get(0).arrivalNanos())
                .isGreaterThanOrEqualTo(Duration.ofMillis(950).toNanos());
    }

    @Test
    void serverErrorsAreRetried() throws Exception {
        // Given
        platform.oneSignal.failNext(2, 503, Optional.empty());

        // When
        platform.publish(started("s-503", "o-503", "searcher-503", "offerer-503", 1));

        // Then
        await().atMost(LONG).until(() -> platform.sentTo("searcher-503"), l -> l.size() == 1);
        assertThat(requestsFor("searcher-503")).extracting(Received::status).containsExactly(503, 503, 200);
    }

    @Test
    void permanentFailureIsParkedWithItsReason() throws Exception {
        // Given
        platform.oneSignal.failNext(1, 400, Optional.empty());

        // When
        platform.publish(started("s-400", "o-400", "searcher-400", "offerer-400", 1));

        // Then
        JsonObject parked = await().atMost(LONG)
                .until(() -> failed("s-400|o-400#1#searcher"), Optional::isPresent)
                .get();
        assertThat(parked.getString("reason")).isEqualTo("rejected_400");
        assertThat(parked.getInteger("status")).isEqualTo(400);
        assertThat(parked.getJsonArray("errors").getString(0)).contains("scripted failure 400");
        await().atMost(LONG).until(platform::allProcessed);
        assertThat(requestsFor("searcher-400")).hasSize(1);
    }

    @Test
    void matchesWithinTheWindowCollapseIntoOnePush() throws Exception {
        // Given
        platform.publish(started("s-c1", "o-c1", "searcher-c", "offerer-c1", 1));
        await().atMost(LONG).until(() -> platform.sentTo("searcher-c"), l -> l.size() == 1);

        // When
        platform.publish(started("s-c2", "o-c2", "searcher-c", "offerer-c2", 1));
        platform.publish(started("s-c3", "o-c3", "searcher-c", "offerer-c3", 1));
        platform.publish(started("s-c4", "o-c4", "searcher-c", "offerer-c4", 1));

        // Then
        await().atMost(LONG).until(() -> platform.sentTo("searcher-c").size() >= 2 && platform.allProcessed());
        List<Received> pushes = platform.sentTo("searcher-c");
        assertThat(pushes).hasSize(2);
        assertThat(pushes.get(1).heading()).isEqualTo("3 new offers near you");
        assertThat(pushes.get(1).content()).matches("Red bike o-c[234], Red bike o-c[234] and 1 more");
    }

    @Test
    void oneOfferMatchingManySearchersFansOutInFewRequests() throws Exception {
        // Given
        List<String> searchers = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            searchers.add("fan-" + i);
        }

        // When the offer's matches arrive together
        List<JsonObject> matches = new ArrayList<>();
        for (int i = 0; i < searchers.size(); i++) {
            matches.add(started("s-fan-" + i, "o-fan", searchers.get(i), "offerer-fan", 1));
        }
        platform.publishTogether(matches);

        // Then
        await().atMost(LONG)
                .until(() -> platform.allProcessed()
                        && searchers.stream().allMatch(s -> platform.sentTo(s).size() == 1));
        List<Received> requests = platform.oneSignal.sent().stream()
                .filter(r -> r.externalIds().stream().anyMatch(id -> id.startsWith("fan-")))
                .toList();
        assertThat(requests.stream().mapToInt(r -> r.externalIds().size()).sum())
                .isEqualTo(40);
        assertThat(requests.size()).isLessThan(40);
        assertThat(requests).allMatch(r -> r.data().getString("offerId").equals("o-fan"));
    }

    @Test
    void offererIsPushedOnlyWhenTheirPreferencesAskForIt() throws Exception {
        // Given
        var set = platform.request(
                "PUT", "/mappings/preferences", "{\"notifyAsOfferer\":true}", platform.token("offerer-yes"));
        assertThat(set.statusCode()).isEqualTo(200);

        // When
        platform.publish(started("s-o1", "o-o1", "searcher-o1", "offerer-yes", 1));
        platform.publish(started("s-o2", "o-o2", "searcher-o2", "offerer-no", 1));

        // Then
        await().atMost(LONG)
                .until(() -> platform.allProcessed()
                        && platform.sentTo("searcher-o2").size() == 1);
        assertThat(platform.sentTo("offerer-yes")).singleElement().satisfies(push -> {
            assertThat(push.heading()).isEqualTo("Someone nearby is looking for red bike");
            assertThat(push.data().getString("role")).isEqualTo("offerer");
        });
        assertThat(platform.sentTo("offerer-no")).isEmpty();
    }

    @Test
    void registeredSubscriptionsAreTargetedDirectly() throws Exception {
        // Given
        String subscription = UUID.randomUUID().toString();
        var registered = platform.request(
                "PUT", "/mappings/subscriptions/" + subscription, null, platform.token("searcher-sub"));
        assertThat(registered.statusCode()).isEqualTo(200);

        // When
        platform.publish(started("s-sub", "o-sub", "searcher-sub", "offerer-sub", 1));

        // Then
        Received push = await().atMost(LONG)
                .until(
                        () -> platform.oneSignal.sent().stream()
                                .filter(r -> r.subscriptionIds().contains(subscription))
                                .toList(),
                        l -> !l.isEmpty())
                .get(0);
        assertThat(push.externalIds()).isEmpty();
    }

    @Test
    void noPushDuringTheUsersQuietHours() throws Exception {
        // Given
        var set = platform.request(
                "PUT",
                "/mappings/preferences",
                "{\"timeZone\":\"Pacific/Kiritimati\",\"quietHours\":{\"start\":\"00:00\",\"end\":\"23:59\"}}",
                platform.token("searcher-quiet"));
        assertThat(set.statusCode()).isEqualTo(200);

        // When
        platform.publish(started("s-quiet", "o-quiet", "searcher-quiet", "offerer-quiet", 1));

        // Then
        await().atMost(LONG).until(platform::allProcessed);
        assertThat(platform.sentTo("searcher-quiet")).isEmpty();
    }

    private static List<Received> requestsFor(String userId) {
        return platform.oneSignal.received().stream()
                .filter(r -> r.externalIds().contains(userId))
                .toList();
    }

    private static Optional<JsonObject> failed(String matchId) {
        return platform.parked().stream()
                .filter(f -> f.getJsonArray("matches").contains(matchId))
                .findFirst();
    }
}
