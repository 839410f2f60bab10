package io.pushtech.notifications.domain;

import java.util.List;
import java.util.UUID;

/** One request's worth of notification: a message, the deliveries it announces, and its idempotency key. */
public record Push(UUID key, Message message, List<Delivery> deliveries) {

    public Push {
        deliveries = List.copyOf(deliveries);
        if (deliveries.isEmpty()) {
            throw new IllegalArgumentException("a push announces at least one delivery");
        }
    }

    public static Push of(Message message, List<Delivery> deliveries) {
        return new Push(IdempotencyKeys.of(deliveries), message, deliveries);
    }

    /** The recipients, each once. */
    public List<String> userIds() {
        return deliveries.stream().map(Delivery::userId).distinct().toList();
    }
}
