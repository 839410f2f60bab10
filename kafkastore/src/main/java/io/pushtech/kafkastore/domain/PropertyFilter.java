package io.pushtech.kafkastore.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Enrichment step: properties named in the deny-list (case-insensitive, such as {@code email} or {@code phone})
 * are dropped, or replaced by {@code sha256:<hex>} of their value (as text) so they can still be joined on. Thread-safe.
 */
public final class PropertyFilter {

    /** What happens to a denied property. */
    public enum Action {
        DROP,
        HASH
    }

    private final Set<String> denied;
    private final Action action;

    public PropertyFilter(Set<String> denied, Action action) {
        this.denied = denied.stream().map(name -> name.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        this.action = action;
    }

    public Map<String, Object> filter(Map<String, Object> props) {
        if (denied.isEmpty() || props.keySet().stream().noneMatch(this::isDenied)) {
            return props;
        }
        Map<String, Object> kept = new LinkedHashMap<>();
        props.forEach((name, value) -> {
            if (!isDenied(name)) {
                kept.put(name, value);
            } else if (action == Action.HASH) {
                kept.put(name, "sha256:" + sha256(String.valueOf(value)));
            }
        });
        return kept;
    }

    private boolean isDenied(String name) {
        return denied.contains(name.toLowerCase(Locale.ROOT));
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
