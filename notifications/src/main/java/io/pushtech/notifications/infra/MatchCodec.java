package io.pushtech.notifications.infra;

import com.fasterxml.jackson.databind.JsonNode;
import io.pushtech.common.Json;
import io.pushtech.notifications.domain.Match;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads a {@code matches} record (see the README's storage section for its shape). Thread-safe. */
public final class MatchCodec {

    private MatchCodec() {}

    /** The match in {@code value}; throws {@link IllegalArgumentException} when it is not a readable match record. */
    public static Match parse(byte[] value) {
        JsonNode root;
        try {
            root = Json.tree(value);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not JSON", e);
        }
        String type = text(root, "type");
        if (!type.equals("started") && !type.equals("ended")) {
            throw new IllegalArgumentException("unknown type " + type);
        }
        JsonNode search = object(root, "search");
        JsonNode offer = object(root, "offer");
        JsonNode price = offer.get("price");
        List<String> images = new ArrayList<>();
        if (offer.has("imageIds")) {
            offer.get("imageIds").forEach(i -> images.add(i.asText()));
        }
        return new Match(
                type.equals("started"),
                text(root, "searchId"),
                text(root, "offerId"),
                root.path("distance").asDouble(),
                root.path("reason").asText(""),
                root.path("sequence").asLong(0),
                root.hasNonNull("ts") ? Instant.parse(root.get("ts").asText()) : Instant.EPOCH,
                text(search, "ownerId"),
                text(offer, "ownerId"),
                search.path("keywords").asText(""),
                Optional.ofNullable(search.get("category"))
                        .filter(JsonNode::isTextual)
                        .map(JsonNode::asText),
                offer.path("title").asText(""),
                offer.path("category").asText(""),
                price == null || !price.isObject()
                        ? Optional.empty()
                        : Optional.of(new Match.Price(
                                price.path("amount").asDouble(),
                                price.path("currency").asText(""))),
                images);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException("missing " + field);
        }
        return value.asText();
    }

    private static JsonNode object(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isObject()) {
            throw new IllegalArgumentException("missing " + field);
        }
        return value;
    }
}
