package io.pushtech.tracker.domain;

import io.pushtech.common.event.EventIds;
import io.pushtech.common.event.TrackingEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a pixel-style request ({@code GET /t/{type}?k=v…}) into a {@link TrackingEvent}: the typed
 * query parameters become fields, the others become properties. Pure and thread-safe.
 */
public final class PixelEventReader {

    static final int MAX_PROPERTIES = 50;
    static final int MAX_NAME_LENGTH = 64;
    static final int MAX_VALUE_LENGTH = 1024;
    private static final Pattern TYPE = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.:@-]{1,128}");
    private static final Set<String> TYPED = Set.of("lat", "lng", "accuracy", "deviceId", "userId", "ts");

    private final Clock clock;
    private final EventIds ids;

    public PixelEventReader(Clock clock, EventIds ids) {
        this.clock = clock;
        this.ids = ids;
    }

    /**
     * @param params the first value of each query parameter
     * @param client the sender's address and user agent, as the tracker saw them
     * @throws InvalidEventException naming the first rule the request breaks
     */
    public TrackingEvent read(String type, Map<String, String> params, ClientInfo client) {
        if (!TYPE.matcher(type).matches()) {
            throw new InvalidEventException("invalid_type", "type", "type must be 1 to 64 of [A-Za-z0-9_.-]");
        }
        Instant receivedAt = clock.instant();
        Double lat = coordinate(params, "lat", 90);
        Double lng = coordinate(params, "lng", 180);
        if ((lat == null) != (lng == null)) {
            throw new InvalidEventException(
                    "incomplete_location", lat == null ? "lat" : "lng", "lat and lng must be given together");
        }
        if (TrackingEvent.LOCATION.equals(type) && lat == null) {
            throw new InvalidEventException("missing_location", "lat", "a location event needs lat and lng");
        }
        String deviceId = identifier(params, "deviceId");
        String userId = identifier(params, "userId");
        if (deviceId == null && userId == null) {
            throw new InvalidEventException("missing_device", "deviceId", "an event needs a deviceId or a userId");
        }
        return new TrackingEvent(
                ids.next(),
                type,
                timestamp(params, receivedAt),
                receivedAt,
                deviceId,
                userId,
                lat,
                lng,
                accuracy(params),
                properties(params),
                client.ip(),
                client.userAgent());
    }

    private static Double coordinate(Map<String, String> params, String name, int limit) {
        Double value = number(params, name);
        if (value != null && (value < -limit || value > limit)) {
            throw new InvalidEventException(
                    "out_of_range", name, name + " must be between -" + limit + " and " + limit);
        }
        return value;
    }

    private static Double accuracy(Map<String, String> params) {
        Double value = number(params, "accuracy");
        if (value != null && value < 0) {
            throw new InvalidEventException("out_of_range", "accuracy", "accuracy is in metres and cannot be negative");
        }
        return value;
    }

    private static Double number(Map<String, String> params, String name) {
        String text = params.get(name);
        if (text == null) {
            return null;
        }
        try {
            double value = Double.parseDouble(text);
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below, with the field named
        }
        throw new InvalidEventException("not_a_number", name, name + " must be a finite number");
    }

    private static String identifier(Map<String, String> params, String name) {
        String value = params.get(name);
        if (value != null && !ID.matcher(value).matches()) {
            throw new InvalidEventException("invalid_id", name, name + " must be 1 to 128 of [A-Za-z0-9_.:@-]");
        }
        return value;
    }

    private static Instant timestamp(Map<String, String> params, Instant receivedAt) {
        String text = params.get("ts");
        if (text == null) {
            return receivedAt;
        }
        try {
            boolean epochMillis = !text.isEmpty() && text.chars().allMatch(Character::isDigit);
            return epochMillis ? Instant.ofEpochMilli(Long.parseLong(text)) : Instant.parse(text);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new InvalidEventException("invalid_ts", "ts", "ts must be ISO-8601 or epoch milliseconds");
        }
    }

    private static Map<String, String> properties(Map<String, String> params) {
        Map<String, String> props = new LinkedHashMap<>();
        params.forEach((name, value) -> {
            if (!TYPED.contains(name)) {
                if (name.length() > MAX_NAME_LENGTH || value.length() > MAX_VALUE_LENGTH) {
                    throw new InvalidEventException(
                            "property_too_long",
                            name.length() > MAX_NAME_LENGTH ? "props" : name,
                            "property names are at most " + MAX_NAME_LENGTH + " and values at most " + MAX_VALUE_LENGTH
                                    + " characters");
                }
                props.put(name, value);
            }
        });
        if (props.size() > MAX_PROPERTIES) {
            throw new InvalidEventException(
                    "too_many_properties", "props", "at most " + MAX_PROPERTIES + " properties");
        }
        return props;
    }
}
