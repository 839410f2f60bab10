package io.pushtech.notifications.infra;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The website channel's recent events per user, and who listens: the live feed thread publishes, SSE connections
 * subscribe and resume after the last event they saw. Each user keeps the last {@code perUser} events; the least
 * recently active users are dropped beyond {@code maxUsers}. Thread-safe.
 */
public final class LiveEvents {

    /**
     * One event for one user; {@code id} is {@code <partition>-<offset>} of its {@code matches} record. Both users of
     * a match are told the same but their role, so they share {@code body} (a JSON object without the role): the
     * history of many users then holds one copy of each match, which is also less for the collector to copy.
     */
    public record LiveEvent(String id, String name, String role, String body) {

        /** The event's JSON: the role, then the fields of the shared body. */
        public String json() {
            String rest = body.length() > 2 ? "," + body.substring(1) : "}";
            return "{\"role\":\"" + role + "\"" + rest;
        }
    }

    private final int perUser;
    private final int maxUsers;
    private final Map<String, Deque<LiveEvent>> recent;
    private final Map<String, List<Consumer<LiveEvent>>> listeners = new HashMap<>();

    public LiveEvents(int perUser, int maxUsers) {
        this.perUser = perUser;
        this.maxUsers = maxUsers;
        this.recent = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Deque<LiveEvent>> eldest) {
                return size() > LiveEvents.this.maxUsers;
            }
        };
    }

    public void publish(String userId, LiveEvent event) {
        List<Consumer<LiveEvent>> targets;
        synchronized (this) {
            Deque<LiveEvent> events = recent.computeIfAbsent(userId, u -> new ArrayDeque<>());
            if (events.stream().anyMatch(e -> e.id().equals(event.id()))) {
                return;
            }
            events.addLast(event);
            while (events.size() > perUser) {
                events.removeFirst();
            }
            targets = listeners.get(userId);
            targets = targets == null ? List.of() : List.copyOf(targets);
        }
        targets.forEach(t -> t.accept(event));
    }

    /**
     * Registers {@code listener} for the user's next events and returns the events it missed: those after
     * {@code lastEventId}, or all kept ones when that id is no longer (or never was) among them; none without one.
     */
    public synchronized List<LiveEvent> subscribe(
            String userId, Optional<String> lastEventId, Consumer<LiveEvent> listener) {
        listeners.computeIfAbsent(userId, u -> new CopyOnWriteArrayList<>()).add(listener);
        if (lastEventId.isEmpty()) {
            return List.of();
        }
        List<LiveEvent> events = new ArrayList<>(recent.getOrDefault(userId, new ArrayDeque<>()));
        for (int i = events.size() - 1; i >= 0; i--) {
            if (events.get(i).id().equals(lastEventId.get())) {
                return List.copyOf(events.subList(i + 1, events.size()));
            }
        }
        return events;
    }

    public synchronized void unsubscribe(String userId, Consumer<LiveEvent> listener) {
        List<Consumer<LiveEvent>> list = listeners.get(userId);
        if (list != null) {
            list.remove(listener);
            if (list.isEmpty()) {
                listeners.remove(userId);
            }
        }
    }

    public synchronized int connections() {
        return listeners.values().stream().mapToInt(List::size).sum();
    }
}
