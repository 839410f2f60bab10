package io.pushtech.tracker.infra;

import io.pushtech.common.event.TrackingEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * Requests' events as stream entries (JSON arrays): consecutive requests share an entry up to a number of
 * events, in order; a request larger than that is an entry of its own.
 */
final class StreamEntries {

    private StreamEntries() {}

    static List<byte[]> of(List<List<TrackingEvent>> requests, int maxEventsPerEntry, EventJson json) {
        List<byte[]> entries = new ArrayList<>(1);
        List<TrackingEvent> entry = new ArrayList<>();
        for (List<TrackingEvent> events : requests) {
            if (!entry.isEmpty() && entry.size() + events.size() > maxEventsPerEntry) {
                entries.add(json.write(entry));
                entry.clear();
            }
            entry.addAll(events);
        }
        if (!entry.isEmpty()) {
            entries.add(json.write(entry));
        }
        return entries;
    }
}
