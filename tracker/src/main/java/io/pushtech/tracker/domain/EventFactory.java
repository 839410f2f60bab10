package io.pushtech.tracker.domain;

import com.fasterxml.jackson.databind.JsonNode;
import io.pushtech.common.event.EventIds;
import io.pushtech.common.event.TrackingEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the {@link TrackingEvent} of a schema-valid event: keeps the client's {@code eventId} or assigns a time-
 * ordered id, takes the user a bearer token proved, corrects the time for a client clock that is off by more than the
 * threshold (keeping the original), and rejects times absurdly far from now. Pure and thread-safe.
 */
public final class EventFactory {

    private final EventIds ids;
    private final EventLimits limits;

    public EventFactory(EventIds ids, EventLimits limits) {
        this.ids = ids;
        this.limits = limits;
    }

    /** @throws InvalidEventException when a time cannot be read or lies outside the accepted window */
    public TrackingEvent create(JsonNode event, Arrival arrival) {
        Instant receivedAt = arrival.receivedAt();
        JsonNode eventTs = event.get("ts");
        JsonNode eventSentAt = event.get("sentAt");
        Optional<Instant> sentAt = eventSentAt != null ? Optional.of(time(eventSentAt, "sentAt")) : arrival.sentAt();
        if (eventTs == null) {
            // timed by the server's own clock: there is no client time to correct
            return build(event, arrival, receivedAt, null);
        }
        Instant clientTs = time(eventTs, "ts");
        Duration skew = sentAt.map(sent -> Duration.between(sent, receivedAt)).orElse(Duration.ZERO);
        boolean corrected = skew.abs().compareTo(limits.skewThreshold()) > 0;
        Instant ts = corrected ? clientTs.plus(skew) : clientTs;
        requireWithinWindow(ts, receivedAt);
        return build(event, arrival, ts, corrected ? clientTs : null);
    }

    private TrackingEvent build(JsonNode event, Arrival arrival, Instant ts, Instant clientTs) {
        String userId = userOf(event, arrival);
        JsonNode eventId = event.get("eventId");
        return new TrackingEvent(
                eventId != null ? eventId.textValue().toLowerCase() : ids.next(),
                event.get("type").textValue(),
                ts,
                arrival.receivedAt(),
                text(event, "deviceId"),
                userId,
                number(event, "lat"),
                number(event, "lng"),
                number(event, "accuracy"),
                properties(event),
                arrival.ip(),
                arrival.userAgent(),
                clientTs,
                arrival.verifiedUserId() != null ? Boolean.TRUE : null);
    }

    /** With a bearer token, every event is its user's: one that names another user is refused. */
    private static String userOf(JsonNode event, Arrival arrival) {
        String claimed = text(event, "userId");
        String verified = arrival.verifiedUserId();
        if (verified == null) {
            return claimed;
        }
        if (claimed != null && !claimed.equals(verified)) {
            throw new InvalidEventException(
                    "user_mismatch", "userId", "userId must be the user of the bearer token, or left out");
        }
        return verified;
    }

    private void requireWithinWindow(Instant ts, Instant receivedAt) {
        if (ts.isBefore(receivedAt.minus(limits.maxAge())) || ts.isAfter(receivedAt.plus(limits.maxAhead()))) {
            throw new InvalidEventException(
                    "ts_out_of_range",
                    "ts",
                    "ts must lie between " + limits.maxAge().toDays() + " days ago and "
                            + limits.maxAhead().toMinutes() + " minutes ahead of the server's clock");
        }
    }

    private static Instant time(JsonNode value, String field) {
        try {
            if (value.isIntegralNumber()) {
                return Instant.ofEpochMilli(value.longValue());
            }
            return OffsetDateTime.parse(value.textValue()).toInstant();
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new InvalidEventException(
                    "invalid_time",
                    field,
                    field + " must be ISO-8601 with an offset (2026-11-23T10:00:00Z) or epoch milliseconds");
        }
    }

    private static String text(JsonNode event, String field) {
        JsonNode value = event.get(field);
        return value == null ? null : value.textValue();
    }

    private static Double number(JsonNode event, String field) {
        JsonNode value = event.get(field);
        return value == null ? null : value.doubleValue();
    }

    @SuppressWarnings("unchecked") // the schema lets only an object through as props
    private static Map<String, Object> properties(JsonNode event) {
        JsonNode props = event.get("props");
        return props == null ? Map.of() : (Map<String, Object>) value(props);
    }

    /** What {@code ObjectMapper.convertValue} would make of a parsed value, without its detour through tokens. */
    private static Object value(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            node.fields().forEachRemaining(field -> map.put(field.getKey(), value(field.getValue())));
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            node.forEach(item -> list.add(value(item)));
            return list;
        }
        if (node.isNumber()) {
            return node.numberValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return node.isNull() ? null : node.asText();
    }
}
