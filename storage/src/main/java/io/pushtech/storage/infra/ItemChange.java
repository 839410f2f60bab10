package io.pushtech.storage.infra;

import io.pushtech.storage.domain.MatchEvent.Reason;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A record of the {@code searches} or {@code offers} topic: the item's whole new state as its writer
 * computed it, the reason, and, for a change of some fields of an existing item (a PATCH, a move), which
 * fields the writer set, their values before ({@code base}) and an id the writing request waits for. The
 * state keeps the topic readable on its own after compaction; the fields let the materializer re-apply a
 * change whose writer started from an older version on top of the current one (see {@link #rebasedOn}),
 * so concurrent changes all land.
 *
 * @param fields empty for a whole new state (a create, or an importer's record)
 * @param base the values of {@code fields} the writer changed (an absent field was unset)
 */
public record ItemChange(
        JsonObject state,
        Reason reason,
        Optional<String> changeId,
        Optional<Set<String>> fields,
        Optional<JsonObject> base) {

    private static final String REASON = "reason";
    private static final String CHANGE_ID = "changeId";
    private static final String CHANGED = "changed";
    private static final String BASE = "base";

    public ItemChange {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(reason, "reason");
        fields = fields.map(Set::copyOf);
    }

    /** A whole new state. */
    public static ItemChange whole(JsonObject state, Reason reason, String changeId) {
        return new ItemChange(state, reason, Optional.of(changeId), Optional.empty(), Optional.empty());
    }

    /** A change of some {@code fields} of {@code before}; {@code state} is the writer's view of the result. */
    public static ItemChange of(
            JsonObject before, JsonObject state, Reason reason, Optional<String> changeId, Set<String> fields) {
        JsonObject base = new JsonObject();
        fields.forEach(field -> {
            if (before.getValue(field) != null) {
                base.put(field, before.getValue(field));
            }
        });
        return new ItemChange(state, reason, changeId, Optional.of(fields), Optional.of(base));
    }

    /** The owner moved: only the location changed. */
    public static ItemChange moved(JsonObject before, JsonObject state) {
        return of(before, state, Reason.MOVED, Optional.empty(), Set.of("location"));
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
        Object base = json.remove(BASE);
        return new ItemChange(
                json,
                Reason.valueOf(
                        String.valueOf(reason == null ? "updated" : reason).toUpperCase(Locale.ROOT)),
                Optional.ofNullable(changeId).map(String::valueOf),
                Optional.ofNullable((JsonArray) changed)
                        .map(a -> a.stream().map(String::valueOf).collect(Collectors.toSet())),
                Optional.ofNullable((JsonObject) base));
    }

    public byte[] toBytes() {
        JsonObject json = state.copy().put(REASON, reason.name().toLowerCase(Locale.ROOT));
        changeId.ifPresent(id -> json.put(CHANGE_ID, id));
        fields.ifPresent(
                f -> json.put(CHANGED, new JsonArray(f.stream().sorted().toList())));
        base.ifPresent(b -> json.put(BASE, b));
        return json.toBuffer().getBytes();
    }

    /** Whether {@code current} already holds every field this change sets (it was applied, or made twice). */
    public boolean isIn(JsonObject current) {
        return fields.orElse(Set.of()).stream()
                .allMatch(field -> Objects.equals(state.getValue(field), current.getValue(field)));
    }

    /**
     * This change applied on top of {@code current}, as the version after it: each of its fields that
     * nobody changed since the writer read it, or that this change set later than the item's last update
     * (so an older move never puts back a position a newer move replaced). Empty when no field is left.
     */
    public Optional<ItemChange> rebasedOn(JsonObject current) {
        JsonObject rebased = current.copy();
        boolean later = updatedAt(state).isAfter(updatedAt(current));
        int applied = 0;
        for (String field : fields.orElse(Set.of())) {
            boolean untouched = base.map(b -> Objects.equals(b.getValue(field), current.getValue(field)))
                    .orElse(true);
            if (!untouched && !later) {
                continue;
            }
            Object value = state.getValue(field);
            if (value == null) {
                rebased.remove(field);
            } else {
                rebased.put(field, value);
            }
            applied++;
        }
        if (applied == 0) {
            return Optional.empty();
        }
        rebased.put("version", current.getLong("version", 1L) + 1)
                .put("updatedAt", later ? state.getString("updatedAt") : current.getString("updatedAt"));
        return Optional.of(new ItemChange(rebased, reason, changeId, fields, Optional.of(base(current))));
    }

    private JsonObject base(JsonObject current) {
        JsonObject values = new JsonObject();
        fields.orElse(Set.of()).forEach(field -> {
            if (current.getValue(field) != null) {
                values.put(field, current.getValue(field));
            }
        });
        return values;
    }

    private static Instant updatedAt(JsonObject json) {
        String at = json.getString("updatedAt");
        return at == null ? Instant.EPOCH : Instant.parse(at);
    }
}
