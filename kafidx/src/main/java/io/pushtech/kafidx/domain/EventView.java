package io.pushtech.kafidx.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.pushtech.common.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/**
 * One viewer's way from a record to what its page is shown: mask, then filter (on the masked event), then
 * throttle. Records whose value is not JSON are shown as masked text. The filter may be replaced at any time from
 * another thread; everything else runs on the viewer's reader thread.
 */
public final class EventView {

    public static final int MAX_TEXT_CHARS = 16_384;

    private final Masker masker;
    private final Throttle throttle;
    private volatile EventFilter filter = EventFilter.all();

    public EventView(Masker masker, Throttle throttle) {
        this.masker = masker;
        this.throttle = throttle;
    }

    public void filter(EventFilter filter) {
        this.filter = filter;
    }

    public EventFilter filter() {
        return filter;
    }

    /** The event to send for {@code record}, or empty when the filter or the throttle holds it back. */
    public Optional<ObjectNode> show(RawRecord record, long nowNanos) {
        JsonNode value = masker.mask(parse(record.value()));
        if (!filter.matches(value) || !throttle.admit(nowNanos)) {
            return Optional.empty();
        }
        ObjectNode event = Json.object()
                .put("kind", "event")
                .put("topic", record.topic())
                .put("partition", record.partition())
                .put("offset", record.offset())
                .put("timestamp", Instant.ofEpochMilli(record.timestampMillis()).toString());
        record.key().map(masker::maskText).ifPresent(key -> event.put("key", key));
        event.set("value", value);
        return Optional.of(event);
    }

    /** Events the throttle held back since the last call. */
    public long takeSkipped() {
        return throttle.takeSkipped();
    }

    public int maxPerSecond() {
        return throttle.perSecond();
    }

    private static JsonNode parse(byte[] value) {
        if (value == null) {
            return TextNode.valueOf("");
        }
        try {
            JsonNode tree = Json.tree(value);
            if (tree != null && !tree.isMissingNode()) {
                return tree;
            }
        } catch (RuntimeException notJson) {
            // shown as text below
        }
        String text = new String(value, StandardCharsets.UTF_8);
        return TextNode.valueOf(text.length() > MAX_TEXT_CHARS ? text.substring(0, MAX_TEXT_CHARS) + "…" : text);
    }
}
