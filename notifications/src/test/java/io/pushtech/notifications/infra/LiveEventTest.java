package io.pushtech.notifications.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.pushtech.notifications.infra.LiveEvents.LiveEvent;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class LiveEventTest {

    @Test
    void eachUserOfAMatchGetsTheSharedBodyWithItsOwnRole() {
        // Given
        String body = new JsonObject()
                .put("type", "started")
                .put("searchId", "s1")
                .put("offer", new JsonObject().put("title", "Red \"bike\""))
                .encode();

        // When
        JsonObject searcher = new JsonObject(new LiveEvent("0-7", "match", "searcher", body).json());
        JsonObject offerer = new JsonObject(new LiveEvent("0-7", "match", "offerer", body).json());

        // Then
        assertThat(searcher.getString("role")).isEqualTo("searcher");
        assertThat(offerer.getString("role")).isEqualTo("offerer");
        assertThat(searcher.copy().put("role", "offerer")).isEqualTo(offerer);
        assertThat(searcher.getJsonObject("offer").getString("title")).isEqualTo("Red \"bike\"");
        assertThat(searcher.fieldNames()).containsExactlyInAnyOrder("role", "type", "searchId", "offer");
    }

    @Test
    void anEmptyBodyGivesTheRoleAlone() {
        assertThat(new JsonObject(new LiveEvent("0-7", "match", "searcher", "{}").json()))
                .isEqualTo(new JsonObject().put("role", "searcher"));
    }
}
