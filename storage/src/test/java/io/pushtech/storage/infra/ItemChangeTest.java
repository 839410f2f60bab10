package io.pushtech.storage.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.pushtech.storage.domain.MatchEvent.Reason;
import io.vertx.core.json.JsonObject;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ItemChangeTest {

    private final JsonObject current = new JsonObject()
            .put("id", "o1")
            .put("title", "lamp")
            .put("expiresAt", "2026-12-01T00:00:00Z")
            .put("location", new JsonObject().put("lat", 1.0).put("lng", 2.0))
            .put("version", 3L)
            .put("updatedAt", "2026-11-24T10:00:00Z");

    @Test
    void rebasedChangeKeepsTheCurrentStateAndSetsItsOwnFields() {
        // Given
        JsonObject writersView = current.copy()
                .put("title", "red lamp")
                .put("location", new JsonObject().put("lat", 9.0).put("lng", 9.0))
                .put("version", 2L)
                .put("updatedAt", "2026-11-24T11:00:00Z");
        writersView.remove("expiresAt");
        JsonObject base = current.copy().put("title", "lamp").put("version", 1L);
        ItemChange change =
                ItemChange.of(base, writersView, Reason.UPDATED, Optional.of("c1"), Set.of("title", "expiresAt"));

        // When
        ItemChange rebased = change.rebasedOn(current).orElseThrow();

        // Then
        assertThat(rebased.state().getString("title")).isEqualTo("red lamp");
        assertThat(rebased.state().containsKey("expiresAt")).isFalse();
        assertThat(rebased.state().getJsonObject("location").getDouble("lat")).isEqualTo(1.0);
        assertThat(rebased.state().getLong("version")).isEqualTo(4L);
        assertThat(rebased.state().getString("updatedAt")).isEqualTo("2026-11-24T11:00:00Z");
        assertThat(rebased.changeId()).contains("c1");
        assertThat(rebased.isIn(current)).isFalse();
        assertThat(rebased.isIn(rebased.state())).isTrue();
    }

    @Test
    void olderMoveDoesNotPutBackAPositionANewerMoveReplaced() {
        // Given: moved from (0, 0) at 09:00, but the item was moved to (1, 2) at 10:00 meanwhile
        JsonObject before = current.copy()
                .put("location", new JsonObject().put("lat", 0.0).put("lng", 0.0))
                .put("version", 1L);
        JsonObject older = before.copy()
                .put("location", new JsonObject().put("lat", 0.5).put("lng", 0.5))
                .put("version", 2L)
                .put("updatedAt", "2026-11-24T09:00:00Z");
        ItemChange move = ItemChange.moved(before, older);

        // When
        Optional<ItemChange> rebased = move.rebasedOn(current);

        // Then
        assertThat(rebased).isEmpty();
    }

    @Test
    void readsWhatItWrites() {
        // Given
        ItemChange change = ItemChange.moved(current, current.copy().put("version", 4L));

        // When
        ItemChange read = ItemChange.read(change.toBytes());

        // Then
        assertThat(read).isEqualTo(change);
        assertThat(read.fields()).isEqualTo(Optional.of(Set.of("location")));
    }

    @Test
    void recordWithoutChangeFieldsIsAWholeState() {
        // When
        ItemChange read = ItemChange.read(
                current.copy().put("reason", "created").toBuffer().getBytes());

        // Then
        assertThat(read.fields()).isEmpty();
        assertThat(read.reason()).isEqualTo(Reason.CREATED);
        assertThat(read.state()).isEqualTo(current);
    }
}
