package io.pushtech.kafkastore.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The JSON Schema in the repository describes exactly the fields the records write. */
class EnrichedEventSchemaTest {

    @Test
    void schemaNamesEveryFieldOfTheEnrichedEventGeoAndDevice() throws Exception {
        // Given
        JsonObject schema;
        try (InputStream in = getClass().getResourceAsStream("/schema/enriched-event.v1.json")) {
            schema = new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        JsonObject properties = schema.getJsonObject("properties");

        // Then
        assertThat(properties.fieldNames()).containsExactlyInAnyOrder(names(EnrichedEvent.class));
        assertThat(properties.getJsonObject("geo").getJsonObject("properties").fieldNames())
                .containsExactlyInAnyOrder(names(Geo.class));
        assertThat(properties
                        .getJsonObject("device")
                        .getJsonObject("properties")
                        .fieldNames())
                .containsExactlyInAnyOrder(names(Device.class));
        assertThat(properties.getJsonObject("schemaVersion").getInteger("const"))
                .isEqualTo(EnrichedEvent.SCHEMA_VERSION);
    }

    private static String[] names(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents())
                .map(RecordComponent::getName)
                .toArray(String[]::new);
    }
}
