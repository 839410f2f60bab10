package io.pushtech.notifications.infra.onesignal;

import static org.assertj.core.api.Assertions.assertThat;

import io.pushtech.notifications.infra.onesignal.OneSignalApi.CreateNotification;
import io.pushtech.notifications.infra.onesignal.OneSignalApi.CreateNotificationResponse;
import io.pushtech.notifications.infra.onesignal.OneSignalApi.TargetKind;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OneSignalApiTest {

    @Test
    void requestNamesExternalIdsForThePushChannel() {
        // Given
        UUID key = UUID.randomUUID();
        CreateNotification request = new CreateNotification(
                "app",
                TargetKind.EXTERNAL_ID,
                List.of("u1", "u2"),
                Map.of("en", "h"),
                Map.of("en", "c"),
                Map.of("offerId", "o1"),
                key);

        // When
        JsonObject body = request.toJson();

        // Then
        assertThat(body.getString("app_id")).isEqualTo("app");
        assertThat(body.getString("target_channel")).isEqualTo("push");
        assertThat(body.getJsonObject("include_aliases")
                        .getJsonArray("external_id")
                        .getList())
                .containsExactly("u1", "u2");
        assertThat(body.getString("idempotency_key")).isEqualTo(key.toString());
        assertThat(CreateNotification.fromJson(body)).isEqualTo(request);
    }

    @Test
    void answerWithoutIdAndWithErrorsObjectMeansNothingWasSent() {
        // When
        CreateNotificationResponse answer = CreateNotificationResponse.parse(
                new JsonObject("{\"id\":\"\",\"errors\":{\"invalid_aliases\":{\"external_id\":[\"u1\"]}}}"));

        // Then
        assertThat(answer.id()).isEmpty();
        assertThat(answer.errors()).containsExactly("invalid_aliases: {\"external_id\":[\"u1\"]}");
    }

    @Test
    void answerWithErrorsArrayKeepsTheMessages() {
        // When
        CreateNotificationResponse answer = CreateNotificationResponse.parse(
                new JsonObject("{\"id\":\"b98881cc\",\"errors\":[\"All included players are not subscribed\"]}"));

        // Then
        assertThat(answer.id()).contains("b98881cc");
        assertThat(answer.errors()).containsExactly("All included players are not subscribed");
    }

    @Test
    void retryAfterReadsSecondsAndDates() {
        // Given
        Instant now = Instant.parse("2026-11-24T10:00:00Z");

        // Then
        assertThat(RetryAfter.parse("7", now)).contains(Duration.ofSeconds(7));
        assertThat(RetryAfter.parse("Tue, 24 Nov 2026 10:00:30 GMT", now)).contains(Duration.ofSeconds(30));
        assertThat(RetryAfter.parse("soon", now)).isEqualTo(Optional.empty());
    }
}
