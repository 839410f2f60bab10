package io.pushtech.storage.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.pushtech.storage.domain.GeoPoint;
import io.pushtech.storage.domain.Offer;
import io.pushtech.storage.domain.Price;
import io.pushtech.storage.domain.Region;
import io.pushtech.storage.domain.Search;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ItemCodecTest {

    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
    private static final Region REGION = new Region(new GeoPoint(52.52, 13.405), 1500);

    @Test
    void writtenFieldsOfAFullOfferAreItsJson() throws IOException {
        // Given
        Offer offer = new Offer(
                "o1",
                "u1",
                "Red \"city\" bike",
                "Ünïcode, and a\nnew line",
                "bikes",
                Optional.of(new Price(120.5, "EUR")),
                List.of("img1", "img2"),
                REGION,
                true,
                Optional.of(T0.plusSeconds(3600)),
                7,
                T0,
                T0.plusSeconds(60));

        // When
        JsonObject written = written(out -> ItemCodec.writeFields(out, offer));

        // Then
        assertThat(written).isEqualTo(ItemCodec.toJson(offer));
    }

    @Test
    void writtenFieldsOfABareOfferAreItsJson() throws IOException {
        // Given
        Offer offer = new Offer(
                "o2",
                "u1",
                "Lamp",
                "",
                "misc",
                Optional.empty(),
                List.of(),
                REGION,
                false,
                Optional.empty(),
                1,
                T0,
                T0);

        // When
        JsonObject written = written(out -> ItemCodec.writeFields(out, offer));

        // Then
        assertThat(written).isEqualTo(ItemCodec.toJson(offer));
    }

    @Test
    void writtenFieldsOfSearchesAreTheirJson() throws IOException {
        // Given
        Search full = new Search(
                "s1", "u1", "red bike", Optional.of("bikes"), REGION, true, Optional.of(T0), false, 3, T0, T0);
        Search bare =
                new Search("s2", "u1", "lamp", Optional.empty(), REGION, false, Optional.empty(), true, 1, T0, T0);

        // When
        List<JsonObject> written = List.of(
                written(out -> ItemCodec.writeFields(out, full)), written(out -> ItemCodec.writeFields(out, bare)));

        // Then
        assertThat(written).containsExactly(ItemCodec.toJson(full), ItemCodec.toJson(bare));
    }

    private interface Fields {
        void write(JsonGenerator out) throws IOException;
    }

    private static JsonObject written(Fields fields) throws IOException {
        StringWriter text = new StringWriter();
        try (JsonGenerator out = new JsonFactory().createGenerator(text)) {
            out.writeStartObject();
            fields.write(out);
            out.writeEndObject();
        }
        return new JsonObject(text.toString());
    }
}
