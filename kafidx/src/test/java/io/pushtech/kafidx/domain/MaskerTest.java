package io.pushtech.kafidx.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pushtech.common.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MaskerTest {

    static final MaskingPolicy DEFAULTS = new MaskingPolicy(
            List.of("ip", "*ipaddress*", "*ip_address*", "*email*", "*phone*"),
            List.of("lat", "lng", "lon", "latitude", "longitude", "coordinates"),
            3);

    private final Masker masker = new Masker(DEFAULTS);

    private static JsonNode json(String text) {
        return Json.tree(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void masksFieldsNamedLikeContactDetailsAtAnyDepth() {
        // Given
        JsonNode event = json("{\"ip\":\"10.1.2.0\",\"props\":{\"userEmail\":\"a@b.io\",\"Phone\":4912345,"
                + "\"client_ip_address\":\"x\",\"nested\":[{\"email\":{\"work\":\"w@b.io\"}}]}}");

        // When
        JsonNode masked = masker.mask(event);

        // Then
        assertThat(masked.get("ip").asText()).isEqualTo(Masker.MASK);
        assertThat(masked.at("/props/userEmail").asText()).isEqualTo(Masker.MASK);
        assertThat(masked.at("/props/Phone").asText()).isEqualTo(Masker.MASK);
        assertThat(masked.at("/props/client_ip_address").asText()).isEqualTo(Masker.MASK);
        assertThat(masked.at("/props/nested/0/email").asText()).isEqualTo(Masker.MASK);
    }

    @Test
    void keepsIdsAndOtherFieldsVisible() {
        // Given
        JsonNode event = json("{\"id\":\"01J-abc\",\"deviceId\":\"d-42\",\"userId\":\"u1\",\"type\":\"view\","
                + "\"description\":\"zip code\",\"accuracy\":12.3456}");

        // When
        JsonNode masked = masker.mask(event);

        // Then
        assertThat(masked).isEqualTo(event);
    }

    @Test
    void roundsCoordinatesToThreeDecimals() {
        // Given
        JsonNode event = json("{\"lat\":52.520008,\"lng\":13.404954,\"geo\":{\"latitude\":-33.86785,"
                + "\"longitude\":\"151.20732\"},\"location\":{\"coordinates\":[13.404954,52.520008]}}");

        // When
        JsonNode masked = masker.mask(event);

        // Then
        assertThat(masked.get("lat").asDouble()).isEqualTo(52.52);
        assertThat(masked.get("lng").asDouble()).isEqualTo(13.405);
        assertThat(masked.at("/geo/latitude").asDouble()).isEqualTo(-33.868);
        assertThat(masked.at("/geo/longitude").asDouble()).isEqualTo(151.207);
        assertThat(masked.at("/location/coordinates/0").asDouble()).isEqualTo(13.405);
        assertThat(masked.at("/location/coordinates/1").asDouble()).isEqualTo(52.52);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "192.168.1.20",
                "from 8.8.8.8 via proxy",
                "2001:db8::1",
                "fe80::1%eth0",
                "2001:0db8:0000:0000:0000:ff00:0042:8329",
                "mail bob.smith+x@example.co.uk now"
            })
    void masksAddressesFoundInsideAnyText(String text) {
        // When
        String masked = masker.maskText(text);

        // Then
        assertThat(masked).contains(Masker.MASK).doesNotContainPattern("\\d+\\.\\d+\\.\\d+\\.\\d+|::|@");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-24T02:13:38Z", "01J8ZC7Q-4f2a-11ef", "v1.2.3", "12:30:45", "Foo::bar"})
    void leavesTimesIdsAndVersionsAlone(String text) {
        // When
        String masked = masker.maskText(text);

        // Then
        assertThat(masked).isEqualTo(text);
    }

    @Test
    void masksJsonHeldInAString() {
        // Given
        JsonNode rejected = json("{\"reason\":\"invalid_location\",\"payload\":"
                + "\"{\\\"deviceId\\\":\\\"d1\\\",\\\"ip\\\":\\\"203.0.113.9\\\",\\\"lat\\\":99.123456}\"}");

        // When
        JsonNode masked = masker.mask(rejected);

        // Then
        JsonNode payload = json(masked.get("payload").asText());
        assertThat(payload.get("deviceId").asText()).isEqualTo("d1");
        assertThat(payload.get("ip").asText()).isEqualTo(Masker.MASK);
        assertThat(payload.get("lat").asDouble()).isEqualTo(99.123);
    }

    @Test
    void leavesTheOriginalTreeUntouched() {
        // Given
        JsonNode event = json("{\"ip\":\"10.1.2.0\"}");

        // When
        masker.mask(event);

        // Then
        assertThat(event.get("ip").asText()).isEqualTo("10.1.2.0");
    }
}
