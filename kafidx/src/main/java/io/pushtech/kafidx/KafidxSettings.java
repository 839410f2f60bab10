package io.pushtech.kafidx;

import io.pushtech.common.config.Setting;
import java.util.Arrays;
import java.util.List;

/** kafidx's own settings. */
public final class KafidxSettings {

    public static final Setting<Integer> PORT =
            Setting.port("KAFIDX_PORT", 8085, "HTTP port of kafidx (the live view of Kafka topics, `/kafidx/`).");
    public static final Setting<List<String>> TOPICS = list(
            "KAFIDX_TOPICS",
            "events,events.rejected,locations,offers,searches,matches",
            "Topics kafidx offers to watch (comma-separated, before the namespace prefix).");
    public static final Setting<List<String>> MASKED_FIELDS = list(
            "KAFIDX_MASKED_FIELDS",
            "ip,*ipaddress*,*ip_address*,*email*,*phone*",
            "Field names whose values kafidx masks before they leave it (comma-separated, case-insensitive, `*` wildcard).");
    public static final Setting<List<String>> COORDINATE_FIELDS = list(
            "KAFIDX_COORDINATE_FIELDS",
            "lat,lng,lon,latitude,longitude,coordinates",
            "Field names of coordinates, which kafidx rounds to `KAFIDX_COORDINATE_DECIMALS` (comma-separated).");
    public static final Setting<Integer> COORDINATE_DECIMALS =
            Setting.integer("KAFIDX_COORDINATE_DECIMALS", 3, 0, 6, "Decimals kept of a coordinate (3 is about 100 m).");
    public static final Setting<Integer> MAX_EVENTS_PER_SECOND = Setting.integer(
            "KAFIDX_MAX_EVENTS_PER_SECOND",
            50,
            1,
            10_000,
            "Events a page is sent per second at most; beyond it kafidx samples and tells the page how many it skipped.");
    public static final Setting<Integer> MAX_VIEWERS =
            Setting.integer("KAFIDX_MAX_VIEWERS", 16, 1, 1000, "Open pages at most (each has its own Kafka reader).");

    public static final List<Setting<?>> ALL = List.of(
            PORT, TOPICS, MASKED_FIELDS, COORDINATE_FIELDS, COORDINATE_DECIMALS, MAX_EVENTS_PER_SECOND, MAX_VIEWERS);

    private KafidxSettings() {}

    private static Setting<List<String>> list(String name, String defaultValue, String description) {
        return new Setting<>(name, defaultValue, description, text -> Arrays.stream(text.split(","))
                .map(String::strip)
                .filter(item -> !item.isEmpty())
                .toList());
    }
}
