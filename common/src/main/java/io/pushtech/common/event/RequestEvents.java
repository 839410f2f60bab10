package io.pushtech.common.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The events of one request as a stream entry holds them: what the tracker adds to every event of a request (the
 * receive time, the client's address and user agent) written once, and each event without them. An event without
 * {@code ts} happened when it was received. Absent optional fields are {@code null} and omitted from the JSON.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RequestEvents(Instant receivedAt, String ip, String userAgent, List<Event> events) {

    /** An event of the request: a {@link TrackingEvent} without what the request gives all of them. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Event(
            String id,
            String type,
            Instant ts,
            String deviceId,
            String userId,
            Double lat,
            Double lng,
            Double accuracy,
            Map<String, Object> props,
            Instant clientTs,
            Boolean userVerified) {}

    /**
     * The request {@code events} came in: they share their receive time, address and user agent, which the first
     * one gives.
     */
    public static RequestEvents of(List<TrackingEvent> events) {
        TrackingEvent first = events.get(0);
        return new RequestEvents(
                first.receivedAt(),
                first.ip(),
                first.userAgent(),
                events.stream()
                        .map(e -> new Event(
                                e.id(),
                                e.type(),
                                e.ts().equals(e.receivedAt()) ? null : e.ts(),
                                e.deviceId(),
                                e.userId(),
                                e.lat(),
                                e.lng(),
                                e.accuracy(),
                                e.props(),
                                e.clientTs(),
                                e.userVerified()))
                        .toList());
    }

    /**
     * The tracking event that {@code event} of this request is.
     *
     * @throws NullPointerException when the event or the request lacks a field every event needs
     */
    public TrackingEvent eventOf(Event event) {
        return new TrackingEvent(
                event.id(),
                event.type(),
                event.ts() != null ? event.ts() : receivedAt,
                receivedAt,
                event.deviceId(),
                event.userId(),
                event.lat(),
                event.lng(),
                event.accuracy(),
                event.props(),
                ip,
                userAgent,
                event.clientTs(),
                event.userVerified());
    }
}
