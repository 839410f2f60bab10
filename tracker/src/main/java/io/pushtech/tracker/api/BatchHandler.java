package io.pushtech.tracker.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.pushtech.common.Json;
import io.pushtech.common.http.ApiException;
import io.pushtech.tracker.domain.BatchOutcome;
import io.pushtech.tracker.domain.BatchTooLargeException;
import io.pushtech.tracker.domain.EventIntake;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;

/**
 * {@code POST /t/batch}: a JSON array of events, or {@code {"sentAt": …, "events": […]}} (what the mobile SDK
 * sends after being offline). Each event is judged on its own; the answer says how many were accepted and which
 * were rejected and why: {@code 200} when any was accepted, {@code 400} when none was. Runs on the event loop.
 */
final class BatchHandler implements Handler<RoutingContext> {

    private static final JsonFactory FACTORY = Json.factory();
    private static final CharSequence JSON = HttpHeaders.createOptimized("application/json");
    private static final Set<String> WRAPPER_FIELDS = Set.of("sentAt", "events");

    private final EventIntake intake;
    private final Intake store;
    private final Arrivals arrivals;

    BatchHandler(EventIntake intake, Intake store, Arrivals arrivals) {
        this.intake = intake;
        this.store = store;
        this.arrivals = arrivals;
    }

    @Override
    public void handle(RoutingContext ctx) {
        JsonNode body = Intake.body(ctx);
        JsonNode events = body.isObject() ? body.get("events") : body;
        if (events == null || !events.isArray()) {
            throw ApiException.badRequest(
                    "not_a_batch",
                    "POST /t/batch takes a JSON array of events, or {\"sentAt\", \"events\": [...]}",
                    "events");
        }
        if (body.isObject()) {
            requireOnlyWrapperFields(body);
        }
        BatchOutcome outcome;
        try {
            outcome = intake.batch(events, arrivals.of(ctx, sentAt(body)));
        } catch (BatchTooLargeException e) {
            throw new ApiException(413, "too_many_events", e.getMessage());
        }
        outcome.rejected().forEach(rejected -> store.countRejected(rejected.reason()));
        Buffer answer = describe(outcome);
        if (outcome.accepted().isEmpty()) {
            respond(ctx, events.isEmpty() ? 200 : 400, answer);
            return;
        }
        store.store(ctx, outcome.accepted(), () -> respond(ctx, 200, answer));
    }

    private static void requireOnlyWrapperFields(JsonNode body) {
        body.fieldNames().forEachRemaining(name -> {
            if (!WRAPPER_FIELDS.contains(name)) {
                throw ApiException.badRequest(
                        "unknown_field", "a batch object holds only \"sentAt\" and \"events\"", name);
            }
        });
    }

    private static Optional<Instant> sentAt(JsonNode body) {
        JsonNode sentAt = body.isObject() ? body.get("sentAt") : null;
        if (sentAt == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(
                    sentAt.isIntegralNumber()
                            ? Instant.ofEpochMilli(sentAt.longValue())
                            : OffsetDateTime.parse(sentAt.asText()).toInstant());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(
                    "invalid_time", "sentAt must be ISO-8601 with an offset or epoch milliseconds", "sentAt");
        }
    }

    /** {@code {"accepted": n, "rejected": [{"index", "code", "message", "field"?}…]}}, written straight out. */
    private static Buffer describe(BatchOutcome outcome) {
        ByteArrayOutputStream out =
                new ByteArrayOutputStream(64 + 128 * outcome.rejected().size());
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.writeStartObject();
            json.writeNumberField("accepted", outcome.accepted().size());
            json.writeArrayFieldStart("rejected");
            for (BatchOutcome.Rejected r : outcome.rejected()) {
                json.writeStartObject();
                json.writeNumberField("index", r.index());
                json.writeStringField("code", r.reason().code());
                json.writeStringField("message", r.reason().message());
                if (r.reason().field() != null) {
                    json.writeStringField("field", r.reason().field());
                }
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Buffer.buffer(out.toByteArray());
    }

    private static void respond(RoutingContext ctx, int status, Buffer body) {
        NoCache.apply(ctx.response())
                .setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, JSON)
                .end(body);
    }
}
