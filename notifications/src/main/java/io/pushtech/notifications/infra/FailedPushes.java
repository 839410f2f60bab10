package io.pushtech.notifications.infra;

import io.pushtech.notifications.infra.onesignal.OneSignalApi.CreateNotification;
import io.pushtech.notifications.infra.onesignal.SendOutcome;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parks pushes that cannot be sent on {@code notifications.failed} (key: the idempotency key) with the reason,
 * OneSignal's errors, the matches and the request, and returns only once Kafka has them. Blocking: the
 * dispatcher thread calls it.
 */
public final class FailedPushes {

    private static final Logger LOGGER = LoggerFactory.getLogger(FailedPushes.class);
    private static final long RETRY_MILLIS = 1000;

    private final Producer<String, byte[]> producer;
    private final String topic;

    public FailedPushes(Producer<String, byte[]> producer, String topic) {
        this.producer = producer;
        this.topic = topic;
    }

    public void park(CreateNotification request, List<String> matchIds, SendOutcome outcome) {
        JsonObject value = new JsonObject()
                .put("reason", outcome.reason())
                .put("status", outcome.httpStatus())
                .put("errors", new JsonArray(outcome.errors()))
                .put("attempts", outcome.attempts())
                .put("idempotencyKey", request.idempotencyKey().toString())
                .put("matches", new JsonArray(matchIds))
                .put("request", request.toJson().put("app_id", request.appId()))
                .put("at", Instant.now().toString());
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(
                topic, request.idempotencyKey().toString(), value.encode().getBytes(StandardCharsets.UTF_8));
        while (true) {
            try {
                producer.send(record).get(30, TimeUnit.SECONDS);
                LOGGER.atWarn()
                        .addKeyValue("idempotencyKey", request.idempotencyKey())
                        .addKeyValue("reason", outcome.reason())
                        .addKeyValue("statusCode", outcome.httpStatus())
                        .log("push parked on notifications.failed");
                return;
            } catch (ExecutionException | TimeoutException e) {
                LOGGER.atWarn().addKeyValue("error", e.toString()).log("parking a push failed, retrying");
                sleep();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while parking a push", e);
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(RETRY_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
