package io.pushtech.notifications.domain;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.UUID;

/**
 * The {@code idempotency_key} of a push: a name-based UUID of what the push announces, so the same push sent
 * again (a retry after a timeout, a replay after a restart) carries the same key and OneSignal sends it once.
 */
public final class IdempotencyKeys {

    private IdempotencyKeys() {}

    /** The key of a push announcing {@code deliveries}; the order they are given in does not matter. */
    public static UUID of(Collection<Delivery> deliveries) {
        String name = deliveries.stream()
                .map(Delivery::id)
                .sorted()
                .reduce((a, b) -> a + "," + b)
                .orElseThrow();
        return UUID.nameUUIDFromBytes(("pushtech-push:" + name).getBytes(StandardCharsets.UTF_8));
    }
}
