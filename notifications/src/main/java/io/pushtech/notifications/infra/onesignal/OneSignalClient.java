package io.pushtech.notifications.infra.onesignal;

import io.micrometer.core.instrument.MeterRegistry;
import io.pushtech.notifications.domain.Backoff;
import io.pushtech.notifications.domain.TokenBucket;
import io.pushtech.notifications.infra.onesignal.OneSignalApi.CreateNotification;
import io.pushtech.notifications.infra.onesignal.OneSignalApi.CreateNotificationResponse;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A typed client of OneSignal's <i>Create notification</i> on the Vert.x web client. It keeps to a request rate
 * (token bucket), and retries {@code 429}, {@code 5xx} and network failures with exponential backoff and jitter,
 * honouring {@code Retry-After}, until a deadline; every attempt carries the same idempotency key, so a retry
 * after a timeout never sends twice. Runs on one Vert.x context (the bucket is not thread-safe).
 */
public final class OneSignalClient implements PushSender {

    private static final Logger LOGGER = LoggerFactory.getLogger(OneSignalClient.class);

    private final Vertx vertx;
    private final WebClient web;
    private final String url;
    private final String authorization;
    private final TokenBucket bucket;
    private final Backoff backoff;
    private final Duration timeout;
    private final Duration giveUpAfter;
    private final Clock clock;
    private final MeterRegistry registry;

    public OneSignalClient(
            Vertx vertx,
            WebClient web,
            String baseUrl,
            String apiKey,
            TokenBucket bucket,
            Backoff backoff,
            Duration timeout,
            Duration giveUpAfter,
            Clock clock,
            MeterRegistry registry) {
        this.vertx = vertx;
        this.web = web;
        this.url = baseUrl.replaceAll("/+$", "") + OneSignalApi.PATH;
        this.authorization = "Key " + apiKey;
        this.bucket = bucket;
        this.backoff = backoff;
        this.timeout = timeout;
        this.giveUpAfter = giveUpAfter;
        this.clock = clock;
        this.registry = registry;
    }

    @Override
    public Future<SendOutcome> send(CreateNotification notification) {
        Promise<SendOutcome> outcome = Promise.promise();
        Buffer body = notification.toJson().toBuffer();
        attempt(body, 1, clock.instant().plus(giveUpAfter), outcome);
        return outcome.future();
    }

    private void attempt(Buffer body, int attempt, Instant deadline, Promise<SendOutcome> outcome) {
        long waitNanos = bucket.reserve();
        if (waitNanos > 0) {
            vertx.setTimer(Math.max(1, waitNanos / 1_000_000), t -> post(body, attempt, deadline, outcome));
        } else {
            post(body, attempt, deadline, outcome);
        }
    }

    private void post(Buffer body, int attempt, Instant deadline, Promise<SendOutcome> outcome) {
        web.postAbs(url)
                .putHeader(HttpHeaders.AUTHORIZATION.toString(), authorization)
                .putHeader(HttpHeaders.CONTENT_TYPE.toString(), "application/json; charset=utf-8")
                .putHeader(HttpHeaders.ACCEPT.toString(), "application/json")
                .timeout(timeout.toMillis())
                .sendBuffer(body)
                .onComplete(result -> answered(result, body, attempt, deadline, outcome));
    }

    private void answered(
            AsyncResult<HttpResponse<Buffer>> result,
            Buffer body,
            int attempt,
            Instant deadline,
            Promise<SendOutcome> outcome) {
        if (result.failed()) {
            registry.counter("notifications.onesignal.requests", "status", "network")
                    .increment();
            retry(
                    body,
                    attempt,
                    deadline,
                    outcome,
                    0,
                    Optional.empty(),
                    List.of(result.cause().toString()));
            return;
        }
        HttpResponse<Buffer> response = result.result();
        int status = response.statusCode();
        registry.counter("notifications.onesignal.requests", "status", Integer.toString(status))
                .increment();
        CreateNotificationResponse answer = CreateNotificationResponse.parse(json(response.body()));
        if (status == 429 || status >= 500) {
            retry(
                    body,
                    attempt,
                    deadline,
                    outcome,
                    status,
                    RetryAfter.parse(response.getHeader("Retry-After"), clock.instant()),
                    answer.errors());
        } else if (status >= 200 && status < 300) {
            outcome.complete(new SendOutcome(
                    answer.id().isPresent() ? SendOutcome.Status.SENT : SendOutcome.Status.NO_RECIPIENTS,
                    answer.id(),
                    status,
                    answer.errors(),
                    attempt));
        } else {
            outcome.complete(
                    new SendOutcome(SendOutcome.Status.REJECTED, Optional.empty(), status, answer.errors(), attempt));
        }
    }

    private void retry(
            Buffer body,
            int attempt,
            Instant deadline,
            Promise<SendOutcome> outcome,
            int status,
            Optional<Duration> retryAfter,
            List<String> errors) {
        Duration delay = backoff.delay(attempt, retryAfter);
        if (clock.instant().plus(delay).isAfter(deadline)) {
            outcome.complete(new SendOutcome(SendOutcome.Status.GAVE_UP, Optional.empty(), status, errors, attempt));
            return;
        }
        registry.counter("notifications.onesignal.retries").increment();
        LOGGER.atDebug()
                .addKeyValue("statusCode", status)
                .addKeyValue("attempt", attempt)
                .addKeyValue("delayMillis", delay.toMillis())
                .log("retrying a OneSignal request");
        vertx.setTimer(Math.max(1, delay.toMillis()), t -> attempt(body, attempt + 1, deadline, outcome));
    }

    private static JsonObject json(Buffer body) {
        if (body == null || body.length() == 0) {
            return null;
        }
        try {
            return body.toJsonObject();
        } catch (DecodeException | ClassCastException e) {
            return null;
        }
    }
}
