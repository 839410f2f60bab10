package io.pushtech.kafidx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pushtech.common.kafka.KafkaClientProperties;
import io.pushtech.devstack.DevStack;
import io.pushtech.devstack.junit.TestNamespace;
import io.pushtech.devstack.junit.WithDevStack;
import io.pushtech.kafidx.domain.Masker;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@WithDevStack
class KafidxIT {

    private static final int MAX_EVENTS_PER_SECOND = 20;

    private static KafidxStack kafidx;

    @BeforeAll
    static void start(DevStack stack, TestNamespace namespace) throws Exception {
        kafidx = KafidxStack.start(
                stack, namespace, Map.of("KAFIDX_MAX_EVENTS_PER_SECOND", Integer.toString(MAX_EVENTS_PER_SECOND)));
    }

    @AfterAll
    static void stop() throws Exception {
        kafidx.close();
    }

    private static String device() {
        return "d-" + UUID.randomUUID();
    }

    private static JsonObject watch(String filter) {
        return new JsonObject().put("topics", new JsonArray().add("events")).put("filter", filter);
    }

    @Test
    void producedEventArrivesMaskedOnTheSocket() throws Exception {
        // Given
        String device = device();
        try (ViewerClient page = new ViewerClient().open(kafidx.port(), kafidx.adminToken())) {
            page.watch(watch("deviceId=" + device));

            // When
            kafidx.produce(
                    "events",
                    device,
                    Map.of(
                            "type",
                            "location",
                            "deviceId",
                            device,
                            "lat",
                            52.520008,
                            "lng",
                            13.404954,
                            "ip",
                            "203.0.113.0",
                            "props",
                            Map.of("email", "alice@example.com", "note", "call 198.51.100.7")));

            // Then
            JsonObject event = page.awaitMessage(m -> m.getString("kind").equals("event"));
            JsonObject value = event.getJsonObject("value");
            assertThat(event.getString("topic")).isEqualTo("events");
            assertThat(event.getString("key")).isEqualTo(device);
            assertThat(value.getString("deviceId")).isEqualTo(device);
            assertThat(value.getDouble("lat")).isEqualTo(52.52);
            assertThat(value.getDouble("lng")).isEqualTo(13.405);
            assertThat(value.getString("ip")).isEqualTo(Masker.MASK);
            assertThat(value.getJsonObject("props").getString("email")).isEqualTo(Masker.MASK);
            assertThat(value.getJsonObject("props").getString("note")).isEqualTo("call " + Masker.MASK);
        }
    }

    @Test
    void filterShowsOnlyMatchingEvents() throws Exception {
        // Given
        String device = device();
        try (ViewerClient page = new ViewerClient().open(kafidx.port(), kafidx.adminToken())) {
            page.watch(watch("type=view deviceId=" + device));

            // When
            kafidx.produce("events", device, Map.of("type", "location", "deviceId", device, "seq", 1));
            kafidx.produce("events", device, Map.of("type", "view", "deviceId", device, "seq", 2));
            kafidx.produce("events", "other", Map.of("type", "view", "deviceId", "other", "seq", 3));

            // Then
            page.awaitMessage(m -> m.getString("kind").equals("event"));
            assertThat(page.events())
                    .extracting(e -> e.getJsonObject("value").getInteger("seq"))
                    .containsExactly(2);
        }
    }

    @Test
    void invalidFilterIsAnsweredAtOnce() throws Exception {
        // Given
        try (ViewerClient page = new ViewerClient().open(kafidx.port(), kafidx.adminToken())) {

            // When
            page.send(watch("deviceId=").put("op", "watch"));

            // Then
            JsonObject error = page.awaitMessage(m -> m.getString("kind").equals("error"));
            assertThat(error.getString("code")).isEqualTo("invalid_filter");
            assertThat(error.getString("field")).isEqualTo("filter");
            assertThat(error.getString("message")).contains("deviceId=");
        }
    }

    @Test
    void offsetInAPartitionNoWatchedTopicHasIsRefused() throws Exception {
        // Given
        try (ViewerClient page = new ViewerClient().open(kafidx.port(), kafidx.adminToken())) {

            // When
            page.send(watch("")
                    .put("op", "watch")
                    .put("from", new JsonObject().put("offset", 0).put("partition", 99)));

            // Then
            JsonObject error = page.awaitMessage(m -> m.getString("kind").equals("error"));
            assertThat(error.getString("code")).isEqualTo("invalid_position");
            assertThat(error.getString("message")).contains("99");
            assertThat(page.messages(m -> m.getString("kind").equals("watching")))
                    .isEmpty();
        }
    }

    @Test
    void aMessageOverTheLimitIsAnsweredWithAnErrorAndTheSocketStaysOpen() throws Exception {
        // Given
        try (ViewerClient page = new ViewerClient().open(kafidx.port(), kafidx.adminToken())) {

            // When: a message of about 100 KB, in one frame
            page.send(watch("x".repeat(100_000)).put("op", "watch"));

            // Then
            JsonObject error = page.awaitMessage(m -> m.getString("kind").equals("error"));
            assertThat(error.getString("code")).isEqualTo("message_too_large");
            page.send(new JsonObject().put("op", "pause"));
            page.awaitMessage(m -> m.getString("kind").equals("paused"));
        }
    }

    @Test
    void filterOnAMaskedFieldIsRefused() throws Exception {
        // Given
        try (ViewerClient page = new ViewerClient().open(kafidx.port(), kafidx.adminToken())) {

            // When
            page.send(new JsonObject().put("op", "filter").put("filter", "props.email~example.com"));

            // Then
            JsonObject error = page.awaitMessage(m -> m.getString("kind").equals("error"));
            assertThat(error.getString("code")).isEqualTo("masked_field");
        }
    }

    @Test
    void fastTopicIsThrottledAndThePageIsTold() throws Exception {
        // Given
        String device = device();
        int produced = 1000;
        List<Map<String, ?>> burst = new ArrayList<>();
        for (int i = 0; i < produced; i++) {
            burst.add(Map.of("type", "view", "deviceId", device, "seq", i));
        }
        try (ViewerClient page = new ViewerClient().open(kafidx.port(), kafidx.adminToken())) {
            page.watch(watch("deviceId=" + device));

            // When
            kafidx.produceBurst("events", device, burst);

            // Then
            await().atMost(ViewerClient.WAIT).until(() -> page.events().size() + skipped(page) == produced);
            assertThat(page.messages(m -> m.getString("kind").equals("throttled")))
                    .allSatisfy(
                            m -> assertThat(m.getInteger("maxEventsPerSecond")).isEqualTo(MAX_EVENTS_PER_SECOND));
            assertThat(skipped(page)).isPositive();
            assertThat(page.events().size()).isLessThan(produced);
        }
    }

    private static long skipped(ViewerClient page) {
        return page.messages(m -> m.getString("kind").equals("throttled")).stream()
                .mapToLong(m -> m.getLong("skipped"))
                .sum();
    }

    @Test
    void jumpToATimeReplaysTheRecentPast() throws Exception {
        // Given
        String device = device();
        Instant before = Instant.now().minusSeconds(1);
        for (int i = 0; i < 3; i++) {
            kafidx.produce("events", device, Map.of("type", "view", "deviceId", device, "seq", i));
        }
        try (ViewerClient page = new ViewerClient().open(kafidx.port(), kafidx.adminToken())) {

            // When
            page.watch(watch("deviceId=" + device).put("from", new JsonObject().put("time", before.toString())));

            // Then
            await().atMost(ViewerClient.WAIT).until(() -> page.events().size() >= 3);
            assertThat(page.events())
                    .extracting(e -> e.getJsonObject("value").getInteger("seq"))
                    .containsExactly(0, 1, 2);
        }
    }

    @Test
    void jumpToAnOffsetReplaysFromThere() throws Exception {
        // Given
        String device = device();
        for (int i = 0; i < 3; i++) {
            kafidx.produce("events", device, Map.of("type", "view", "deviceId", device, "seq", i));
        }
        try (ViewerClient page = new ViewerClient().open(kafidx.port(), kafidx.adminToken())) {

            // When
            page.watch(watch("deviceId=" + device).put("from", new JsonObject().put("offset", 0)));

            // Then
            await().atMost(ViewerClient.WAIT).until(() -> page.events().size() == 3);
        }
    }

    @Test
    void pausedPageIsSentNothingUntilItResumes() throws Exception {
        // Given
        String device = device();
        try (ViewerClient page = new ViewerClient().open(kafidx.port(), kafidx.adminToken())) {
            page.watch(watch("deviceId=" + device));
            page.send(new JsonObject().put("op", "pause"));
            page.awaitMessage(m -> m.getString("kind").equals("paused"));
            kafidx.produce("events", device, Map.of("type", "view", "deviceId", device, "seq", 1));

            // When
            page.send(new JsonObject().put("op", "resume"));
            page.awaitMessage(m -> m.getString("kind").equals("resumed"));
            kafidx.produce("events", device, Map.of("type", "view", "deviceId", device, "seq", 2));

            // Then
            page.awaitMessage(m -> m.getString("kind").equals("event"));
            assertThat(page.events())
                    .extracting(e -> e.getJsonObject("value").getInteger("seq"))
                    .containsExactly(2);
        }
    }

    @Test
    void pageIsToldTheRatesOfItsTopics() throws Exception {
        // Given
        String device = device();
        try (ViewerClient page = new ViewerClient().open(kafidx.port(), kafidx.adminToken())) {

            // When
            kafidx.produce("events", device, Map.of("type", "view", "deviceId", device));

            // Then
            JsonObject rates = page.awaitMessage(m -> m.getString("kind").equals("rates")
                    && m.getJsonObject("topics").containsKey("events")
                    && m.getJsonObject("topics").getJsonObject("events").getDouble("perSecond") > 0);
            assertThat(rates.getJsonObject("topics").getJsonObject("events").getJsonArray("history"))
                    .isNotNull();
        }
    }

    @Test
    void viewersJoinNoConsumerGroup() throws Exception {
        // Given
        try (ViewerClient page = new ViewerClient().open(kafidx.port(), kafidx.adminToken())) {

            // When
            page.watch(watch(""));

            // Then
            try (Admin admin = Admin.create(KafkaClientProperties.admin(kafidx.kafkaBootstrap(), "kafidx-it"))) {
                assertThat(admin.listConsumerGroups().all().get(30, TimeUnit.SECONDS))
                        .extracting(ConsumerGroupListing::groupId)
                        .noneMatch(group -> group.contains("kafidx"));
            }
        }
    }

    @Test
    void socketWithoutATokenIsRefusedWithJson() {
        // When
        var failure = connectFailure(null);

        // Then
        assertThat(failure.getStatus()).isEqualTo(401);
        assertThat(new JsonObject(failure.getBody()).getJsonObject("error").getString("code"))
                .isEqualTo("missing_token");
    }

    @Test
    void userTokenWithoutTheAdminRoleIsRefused() {
        // When
        var failure = connectFailure(kafidx.userToken());

        // Then
        assertThat(failure.getStatus()).isEqualTo(403);
        assertThat(new JsonObject(failure.getBody()).getJsonObject("error").getString("code"))
                .isEqualTo("admin_required");
    }

    @Test
    void sessionNamesTheAdminAndAnswersJsonErrorsOtherwise() throws Exception {
        // Given
        HttpClient http = HttpClient.newHttpClient();
        URI session = URI.create(kafidx.baseUrl() + "/kafidx/api/session");

        // When
        HttpResponse<String> admin = http.send(
                HttpRequest.newBuilder(session)
                        .header("Authorization", "Bearer " + kafidx.adminToken())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> forged = http.send(
                HttpRequest.newBuilder(session)
                        .header("Authorization", "Bearer " + kafidx.adminToken() + "x")
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        // Then
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(new JsonObject(admin.body()).getString("user")).isEqualTo("dev");
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(new JsonObject(forged.body()).getJsonObject("error").getString("code"))
                .isEqualTo("invalid_token");
    }

    @Test
    void pageIsServedFromTheJar() throws Exception {
        // When
        HttpResponse<String> page = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(kafidx.baseUrl() + "/kafidx/"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        // Then
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("content-type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("<title>kafidx");
    }

    private static UpgradeRejectedException connectFailure(String token) {
        ViewerClient page = new ViewerClient();
        try {
            page.connect(kafidx.port(), token)
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(30, TimeUnit.SECONDS);
            throw new AssertionError("the socket was accepted");
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(UpgradeRejectedException.class);
            return (UpgradeRejectedException) e.getCause();
        } catch (InterruptedException | java.util.concurrent.TimeoutException e) {
            throw new AssertionError(e);
        } finally {
            try {
                page.close();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
    }
}
