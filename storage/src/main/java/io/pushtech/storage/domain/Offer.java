package io.pushtech.storage.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Something offered, where: a title, description and category, an optional price and images, inside a
 * region that can follow its owner.
 *
 * @param version grows by one with every change; a stale change (lower or equal version) is ignored
 */
public record Offer(
        String id,
        String ownerId,
        String title,
        String description,
        String category,
        Optional<Price> price,
        List<String> imageIds,
        Region region,
        boolean followsOwner,
        Optional<Instant> expiresAt,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public static final int MAX_TITLE_LENGTH = 200;
    public static final int MAX_DESCRIPTION_LENGTH = 5000;
    public static final int MAX_IMAGES = 20;

    public Offer {
        ItemRules.requireId(id, "id");
        ItemRules.requireId(ownerId, "ownerId");
        title = Objects.requireNonNullElse(title, "").strip();
        ItemRules.requireLength(title, 1, MAX_TITLE_LENGTH, "title");
        description = Objects.requireNonNullElse(description, "");
        ItemRules.requireLength(description, 0, MAX_DESCRIPTION_LENGTH, "description");
        category = Objects.requireNonNullElse(category, "").strip();
        ItemRules.requireLength(category, 1, ItemRules.MAX_CATEGORY_LENGTH, "category");
        imageIds = List.copyOf(imageIds);
        if (imageIds.size() > MAX_IMAGES) {
            throw new InvalidItemException("too_many", "at most " + MAX_IMAGES + " imageIds", "imageIds");
        }
        imageIds.forEach(image -> ItemRules.requireId(image, "imageIds"));
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** The terms a search's keywords are looked up in: those of the title, description and category. */
    public Set<String> terms() {
        return Keywords.terms(title + " " + description + " " + category);
    }

    public boolean isLive(Instant now) {
        return expiresAt.map(now::isBefore).orElse(true);
    }

    /** This offer moved to {@code center} (its owner moved), as the next version. */
    public Offer movedTo(GeoPoint center, Instant at) {
        return new Offer(
                id,
                ownerId,
                title,
                description,
                category,
                price,
                imageIds,
                new Region(center, region.radius()),
                followsOwner,
                expiresAt,
                version + 1,
                createdAt,
                at);
    }
}
