package io.pushtech.storage.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What someone looks for, where: keywords and/or a category, inside a region that can follow its owner.
 *
 * @param version grows by one with every change; a stale change (lower or equal version) is ignored
 */
public record Search(
        String id,
        String ownerId,
        String keywords,
        Optional<String> category,
        Region region,
        boolean followsOwner,
        Optional<Instant> expiresAt,
        boolean active,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public static final int MAX_KEYWORDS_LENGTH = 200;

    public Search {
        ItemRules.requireId(id, "id");
        ItemRules.requireId(ownerId, "ownerId");
        keywords = keywords == null ? "" : keywords.strip();
        ItemRules.requireLength(keywords, 0, MAX_KEYWORDS_LENGTH, "keywords");
        category = category.map(String::strip).filter(c -> !c.isEmpty());
        category.ifPresent(c -> ItemRules.requireLength(c, 1, ItemRules.MAX_CATEGORY_LENGTH, "category"));
        if (Keywords.terms(keywords).isEmpty() && category.isEmpty()) {
            throw new InvalidItemException("missing", "a search needs keywords or a category", "keywords");
        }
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public Set<String> terms() {
        return Keywords.terms(keywords);
    }

    /** Active and not expired at {@code now}: only live searches are indexed and matched. */
    public boolean isLive(Instant now) {
        return active && expiresAt.map(now::isBefore).orElse(true);
    }

    /** This search moved to {@code center} (its owner moved), as the next version. */
    public Search movedTo(GeoPoint center, Instant at) {
        return new Search(
                id,
                ownerId,
                keywords,
                category,
                new Region(center, region.radius()),
                followsOwner,
                expiresAt,
                active,
                version + 1,
                createdAt,
                at);
    }
}
