package io.pushtech.kafkastore.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PayloadScrubberTest {

    private final PayloadScrubber scrubber = new PayloadScrubber(
            new IpAnonymizer(24, 48), new PropertyFilter(Set.of("email"), PropertyFilter.Action.DROP));

    @Test
    void eventKeepsEverythingButItsRawAddressAndDeniedProperties() {
        // Given
        String payload = "{\"id\":\"e1\",\"type\":\"view\",\"ip\":\"203.0.113.77\","
                + "\"props\":{\"email\":\"a@example.com\",\"screen\":\"home\"}}";

        // When
        JsonObject scrubbed = new JsonObject(scrubber.scrub(payload));

        // Then
        assertThat(scrubbed)
                .isEqualTo(new JsonObject("{\"id\":\"e1\",\"type\":\"view\",\"ip\":\"203.0.113.0\","
                        + "\"props\":{\"screen\":\"home\"}}"));
    }

    @Test
    void ipThatIsNoAddressIsDropped() {
        // When
        JsonObject scrubbed = new JsonObject(scrubber.scrub("{\"type\":\"view\",\"ip\":\"not an address\"}"));

        // Then
        assertThat(scrubbed.containsKey("ip")).isFalse();
        assertThat(scrubbed.getString("type")).isEqualTo("view");
    }

    @Test
    void unreadablePayloadHasEveryAddressLiteralAnonymized() {
        // When
        String scrubbed = scrubber.scrub("{\"ip\":\"198.51.100.23\",\"v6\":\"2001:db8:85a3::8a2e:370:7334\", broken");

        // Then
        assertThat(scrubbed)
                .doesNotContain("198.51.100.23", "8a2e:370:7334")
                .contains("198.51.100.0", "2001:db8:85a3:0:0:0:0:0", "broken");
    }

    @Test
    void textWithoutAddressesIsUnchanged() {
        // Given
        String payload = "not json at all, id 0193a1b2-7c3d, version 1.2.3, time 10:00:00";

        // When / Then
        assertThat(scrubber.scrub(payload)).isEqualTo(payload);
    }
}
