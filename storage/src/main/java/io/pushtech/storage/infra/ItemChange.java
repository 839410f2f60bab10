package io.pushtech.storage.infra;

import io.pushtech.storage.domain.MatchEvent.Reason;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A record of the {@code searches} or {@code offers} topic: the item's whole new state as its writer
 * computed it, the reason, and, for a change of some fields of an existing item (a PATCH, a move), which
 * fields the writer set and an id the writing request waits for. The state keeps the topic readable on
 * its own after compaction; the fields let the materializer re-apply a change whose writer started from an
 * older version on top of the current one (see {@link #rebasedOn}), so concurrent changes all land.
 *
 * @param fields empty for a whole new state (a create, or an importer's record)
 */
public record ItemChange(JsonObject state, Reason reason, Optional<String> changeId, Optional<Set<String>> fields) {

    private static final String REASON = "reason";
    private static final String CHANGE_ID = "changeId";
    private static final String CHANGED = "changed";

    public ItemChange {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(reason, "reason");
        fields = fields.map(Set::copyOf);
    }

    /** A whole new state. */
    public static ItemChange whole(JsonObject state, Reason reason, String changeId) {
        return new ItemChange(state, reason, Optional.of(changeId), Optional.empty());
    }

    /** A change of some fields of an existing item; {@code state} is the writer's view of the result. */
    public static ItemChange of(JsonObject state, Reason reason, String changeId, Set<String> fields) {
        return new ItemChange(state, reason, Optional.of(changeId), Optional.of(fields));
    }

    /** The owner moved: only the location changed. */
    public static ItemChange moved(JsonObject state) {
        return new ItemChange(state, Reason.MOVED, Optional.empty(), Optional.of(Set.of("location")));
    }

    public String id() {
        return state.getString("id");
    }

    public long version() {
        return state.getLong("version", 1L);
    }

    public static ItemChange read(byte[] value) {
        JsonObject json = new JsonObject(Buffer.buffer(value));
        Object reason = json.remove(REASON);
        Object changeId = json.remove(CHANGE_ID);
        Object changed = json.remove(CHANGED);
        return new ItemChange(
                json,
                Reason.valueOf(
                        String.valueOf(reason == null ? "updated" : reason).toUpperCase(Locale.ROOT)),
                Optional.ofNullable(changeId).map(String::valueOf),
                Optional.ofNullable((JsonArray) changed)
                        .map(a -> a.stream().map(String::valueOf).collect(Collectors.toSet())));
    }

    public byte[] toBytes() {
        JsonObject json = state.copy().put(REASON, reason.name().toLowerCase(Locale.ROOT));
        changeId.ifPresent(id -> json.put(CHANGE_ID, id));
        fields.ifPresent(
                f -> json.put(CHANGED, new JsonArray(f.stream().sorted().toList())));
        return json.toBuffer().getBytes();
    }

    /** Whether {@code current} already holds every field this change sets (it was applied, or made twice). */
    public boolean isIn(JsonObject current) {
        return fields.orElse(Set.of()).stream()
                .allMatch(field -> Objects.equals(state.getValue(field), current.getValue(field)));
    }

    /** This change applied on top of {@code current}, as the version after it. */
    public ItemChange rebasedOn(JsonObject current) {
        JsonObject rebased = current.copy();
        for (String field : fields.orElse(Set.of())) {
            Object value = state.getValue(field);
            if (value == null) {
                rebased.remove(field);
            } else {
                rebased.put(field, value);
            }
        }
        rebased.put("version", current.getLong("version", 1L) + 1)
                .put("updatedAt", state.getString("updatedAt", current.getString("updatedAt")));
        return new ItemChange(rebased, reason, changeId, fields);
    }
}
