package io.pushtech.storage.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.pushtech.storage.domain.Nearby;
import io.vertx.core.buffer.Buffer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * A page of nearby items as JSON, {@code {"items": [item + "distance", …], "next"?: cursor}}, written straight
 * to bytes: a page is the hot path of nearby queries, where building a {@code JsonObject} per item and
 * encoding it took most of the handler's time. Thread-safe.
 */
final class NearbyPage {

    private static final JsonFactory JSON = new JsonFactory();

    private NearbyPage() {}

    static <T> Buffer write(ItemKind<T> kind, List<Nearby<T>> found, Optional<String> next) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 + 512 * found.size());
        try (JsonGenerator out = JSON.createGenerator(bytes)) {
            out.writeStartObject();
            out.writeArrayFieldStart("items");
            for (Nearby<T> hit : found) {
                out.writeStartObject();
                kind.writeFields(out, hit.item());
                out.writeNumberField("distance", hit.distance());
                out.writeEndObject();
            }
            out.writeEndArray();
            if (next.isPresent()) {
                out.writeStringField("next", next.get());
            }
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Buffer.buffer(bytes.toByteArray());
    }
}
