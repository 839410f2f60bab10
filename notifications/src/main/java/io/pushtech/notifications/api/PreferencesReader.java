package io.pushtech.notifications.api;

import io.pushtech.common.http.ApiException;
import io.pushtech.notifications.domain.Preferences;
import io.pushtech.notifications.domain.QuietHours;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads and writes the {@code /mappings} bodies, with the value rules of the preferences. Runs on the event loop. */
final class PreferencesReader {

    static final int MAX_PER_HOUR = 100;
    private static final Set<String> FIELDS = Set.of("timeZone", "quietHours", "push", "notifyAsOfferer", "maxPerHour");
    private static final Pattern SUBSCRIPTION_ID = Pattern.compile("[A-Za-z0-9_-]{1,128}");
    private static final Pattern TIME = Pattern.compile("\\d{2}:\\d{2}");

    private PreferencesReader() {}

    /** The preferences in {@code text}: fields left out take their defaults; the subscriptions stay. */
    static Preferences read(String text, Preferences current) {
        JsonObject body = object(text);
        for (String name : body.fieldNames()) {
            if (!FIELDS.contains(name)) {
                throw ApiException.badRequest("unknown_field", "unknown field " + name, name);
            }
        }
        Preferences defaults = Preferences.defaults(current.userId());
        return new Preferences(
                current.userId(),
                current.subscriptionIds(),
                zone(body.getValue("timeZone")).orElse(defaults.timeZone()),
                quietHours(body.getValue("quietHours")),
                bool(body, "push").orElse(true),
                bool(body, "notifyAsOfferer").orElse(false),
                maxPerHour(body.getValue("maxPerHour")));
    }

    static String subscriptionId(String id) {
        if (id == null || !SUBSCRIPTION_ID.matcher(id).matches()) {
            throw ApiException.badRequest(
                    "invalid", "a subscription id is 1 to 128 letters, digits, '-' or '_'", "subscriptionId");
        }
        return id;
    }

    static JsonObject write(Preferences preferences) {
        return new JsonObject()
                .put("userId", preferences.userId())
                .put("subscriptionIds", preferences.subscriptionIds())
                .put(
                        "preferences",
                        new JsonObject()
                                .put("timeZone", preferences.timeZone().getId())
                                .put(
                                        "quietHours",
                                        preferences
                                                .quietHours()
                                                .map(q -> new JsonObject()
                                                        .put("start", q.start().toString())
                                                        .put("end", q.end().toString()))
                                                .orElse(null))
                                .put("push", preferences.push())
                                .put("notifyAsOfferer", preferences.notifyAsOfferer())
                                .put("maxPerHour", preferences.maxPerHour().orElse(null)));
    }

    private static JsonObject object(String text) {
        if (text == null || text.isBlank()) {
            throw ApiException.badRequest("missing_body", "a JSON object body is required", null);
        }
        try {
            return new JsonObject(text);
        } catch (DecodeException | ClassCastException e) {
            throw ApiException.badRequest("malformed_json", "the body is not a JSON object", null);
        }
    }

    private static Optional<ZoneId> zone(Object value) {
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof String text)) {
            throw ApiException.badRequest("invalid_type", "timeZone must be a string", "timeZone");
        }
        // ZoneId.of also takes offsets ("UTC+14:00"), which know no daylight saving, and the old SystemV zones
        if (!ZoneId.getAvailableZoneIds().contains(text) || text.startsWith("SystemV/")) {
            throw ApiException.badRequest(
                    "invalid", "timeZone must be an IANA time zone such as Europe/Berlin", "timeZone");
        }
        return Optional.of(ZoneId.of(text));
    }

    private static Optional<QuietHours> quietHours(Object value) {
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof JsonObject object)
                || !(object.getValue("start") instanceof String start)
                || !(object.getValue("end") instanceof String end)
                || object.size() != 2) {
            throw ApiException.badRequest(
                    "invalid_type", "quietHours must be {\"start\": \"HH:mm\", \"end\": \"HH:mm\"}", "quietHours");
        }
        try {
            if (!TIME.matcher(start).matches() || !TIME.matcher(end).matches()) {
                throw new DateTimeParseException("not HH:mm", start + "-" + end, 0);
            }
            return Optional.of(new QuietHours(LocalTime.parse(start), LocalTime.parse(end)));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw ApiException.badRequest(
                    "invalid", "quietHours start and end are different times HH:mm (00:00 to 23:59)", "quietHours");
        }
    }

    private static Optional<Boolean> bool(JsonObject body, String name) {
        Object value = body.getValue(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof Boolean b)) {
            throw ApiException.badRequest("invalid_type", name + " must be true or false", name);
        }
        return Optional.of(b);
    }

    private static Optional<Integer> maxPerHour(Object value) {
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof Integer n)) {
            throw ApiException.badRequest("invalid_type", "maxPerHour must be a whole number", "maxPerHour");
        }
        if (n < 1 || n > MAX_PER_HOUR) {
            throw ApiException.badRequest(
                    "out_of_range", "maxPerHour must be between 1 and " + MAX_PER_HOUR, "maxPerHour");
        }
        return Optional.of(n);
    }

    static List<String> with(List<String> ids, String id) {
        if (ids.contains(id)) {
            return ids;
        }
        if (ids.size() >= Preferences.MAX_SUBSCRIPTIONS) {
            throw new ApiException(
                    409,
                    "too_many_subscriptions",
                    "a user has at most " + Preferences.MAX_SUBSCRIPTIONS + " subscriptions; remove one first",
                    "subscriptionId");
        }
        return java.util.stream.Stream.concat(ids.stream(), java.util.stream.Stream.of(id))
                .toList();
    }
}
