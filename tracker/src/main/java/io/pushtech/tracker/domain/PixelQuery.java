package io.pushtech.tracker.domain;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pushtech.common.Json;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a pixel request ({@code GET /t/{type}?k=v…}) into the event JSON the schema judges: the typed fields
 * become numbers or strings, every other parameter a string property. Pure.
 */
public final class PixelQuery {

    private static final Set<String> NUMBERS = Set.of("lat", "lng", "accuracy");
    private static final Set<String> TEXTS = Set.of("deviceId", "userId", "eventId");
    private static final Set<String> TIMES = Set.of("ts", "sentAt");
    /** A number written as JSON writes one: {@code Double.parseDouble} alone also takes " 52", "52.5d" or "0x1p3". */
    private static final Pattern JSON_NUMBER = Pattern.compile("-?(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?(?:[eE][-+]?[0-9]+)?");

    private PixelQuery() {}

    /** @param params the first value of each query parameter */
    public static ObjectNode toEvent(String type, Map<String, String> params) {
        ObjectNode event = Json.object().put("type", type);
        ObjectNode props = Json.object();
        params.forEach((name, value) -> {
            if (NUMBERS.contains(name)) {
                putNumber(event, name, value);
            } else if (TIMES.contains(name)) {
                putTime(event, name, value);
            } else if (TEXTS.contains(name)) {
                event.put(name, value);
            } else {
                props.put(name, value);
            }
        });
        if (!props.isEmpty()) {
            event.set("props", props);
        }
        return event;
    }

    private static void putNumber(ObjectNode event, String name, String value) {
        if (value.length() <= 32 && JSON_NUMBER.matcher(value).matches()) {
            double number = Double.parseDouble(value);
            if (Double.isFinite(number)) {
                event.put(name, number);
                return;
            }
        }
        // left as text: the schema reports the wrong type with the field named
        event.put(name, value);
    }

    private static void putTime(ObjectNode event, String name, String value) {
        boolean epochMillis =
                !value.isEmpty() && value.length() < 19 && value.chars().allMatch(Character::isDigit);
        if (epochMillis) {
            event.put(name, Long.parseLong(value));
        } else {
            event.put(name, value);
        }
    }
}
