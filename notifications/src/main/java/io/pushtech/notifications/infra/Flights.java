package io.pushtech.notifications.infra;

import io.pushtech.notifications.infra.onesignal.OneSignalApi.CreateNotification;
import io.pushtech.notifications.infra.onesignal.PushSender;
import io.pushtech.notifications.infra.onesignal.SendOutcome;
import io.vertx.core.Context;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The pushes sent and not yet answered, with the records they answer for, and the pushes this instance saw go out
 * (so a duplicate record of theirs is dropped without MongoDB). Requests go out on the Vert.x context given, and
 * their outcomes come back through a queue the dispatcher thread drains; everything else is dispatcher thread only.
 */
final class Flights {

    private static final int MAX_DELIVERED = 100_000;

    /** A push in flight: its request, the matches it announces, and the records it answers for. */
    record Flight(CreateNotification request, List<String> matchIds, List<Ticket> tickets) {}

    /** A push answered (or given up on). */
    record Landed(UUID key, Flight flight, SendOutcome outcome) {}

    private record Completed(UUID key, SendOutcome outcome) {}

    private final PushSender sender;
    private final Context context;
    private final DispatchMetrics metrics;
    private final Map<UUID, Flight> inFlight = new HashMap<>();
    private final Map<UUID, Boolean> delivered = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Boolean> eldest) {
            return size() > MAX_DELIVERED;
        }
    };
    private final Queue<Completed> completions = new ConcurrentLinkedQueue<>();

    Flights(PushSender sender, Context context, DispatchMetrics metrics) {
        this.sender = sender;
        this.context = context;
        this.metrics = metrics;
    }

    /** Registers a push about to be sent (before it is journaled, so a record of it read meanwhile is a duplicate). */
    void add(CreateNotification request, List<String> matchIds, List<Ticket> tickets) {
        inFlight.put(request.idempotencyKey(), new Flight(request, matchIds, tickets));
    }

    /** Sends a push registered with {@link #add}. */
    void dispatch(CreateNotification request) {
        UUID key = request.idempotencyKey();
        context.runOnContext(v -> sender.send(request)
                .onComplete(result -> completions.add(new Completed(
                        key,
                        result.succeeded()
                                ? result.result()
                                : new SendOutcome(
                                        SendOutcome.Status.GAVE_UP,
                                        Optional.empty(),
                                        0,
                                        List.of(String.valueOf(result.cause())),
                                        1)))));
        metrics.requested();
    }

    /** True when the push is in flight or this instance saw it go out. */
    boolean knows(UUID key) {
        return inFlight.containsKey(key) || delivered.containsKey(key);
    }

    int size() {
        return inFlight.size();
    }

    boolean isEmpty() {
        return inFlight.isEmpty();
    }

    /** The pushes answered since the last call; those that went out are remembered as delivered. */
    List<Landed> landed() {
        List<Landed> landed = new ArrayList<>();
        for (Completed done = completions.poll(); done != null; done = completions.poll()) {
            Flight flight = inFlight.remove(done.key());
            if (flight != null) {
                if (done.outcome().delivered()) {
                    delivered.put(done.key(), Boolean.TRUE);
                }
                landed.add(new Landed(done.key(), flight, done.outcome()));
            }
        }
        return landed;
    }
}
