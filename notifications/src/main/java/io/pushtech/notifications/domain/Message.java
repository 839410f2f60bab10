package io.pushtech.notifications.domain;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a push says: its title, its text and the data the app reads to open the right screen. Two deliveries with
 * equal messages can share one request.
 */
public record Message(String heading, String content, Map<String, Object> data) {

    public Message {
        data = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }

    public Message withData(String name, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(data);
        more.put(name, value);
        return new Message(heading, content, more);
    }
}
