package io.pushtech.notifications.infra;

import io.micrometer.core.instrument.MeterRegistry;
import io.pushtech.notifications.domain.Delivery;
import io.pushtech.notifications.domain.FanOut;
import io.pushtech.notifications.domain.Match;
import io.pushtech.notifications.domain.MessageRenderer;
import io.pushtech.notifications.domain.Preferences;
import io.pushtech.notifications.domain.Push;
import io.pushtech.notifications.domain.Role;
import io.pushtech.notifications.domain.UserState;
import io.pushtech.notifications.domain.UserThrottle;
import io.pushtech.notifications.infra.NotificationStore.OutboxEntry;
import io.pushtech.notifications.infra.onesignal.OneSignalApi.CreateNotification;
import io.pushtech.notifications.infra.onesignal.PushSender;
import io.pushtech.notifications.infra.onesignal.SendOutcome;
import io.vertx.core.Context;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns {@code matches} records into pushes, exactly once per match: it decides who is told (the searcher, the
 * offerer when asked), applies the per-user limits, groups equal messages into one request, writes each push to
 * the outbox in MongoDB before sending it, and commits a record's offset only once every push it caused was sent
 * or parked on {@code notifications.failed}. Users' counters and pairs' last pushes are kept in memory
 * ({@link DispatchState}); a poll's pushes and the state they change are journaled in one document before any of
 * them is sent. A record read again after a restart finds its push in the outbox: parked ones are skipped, others
 * are sent again with the stored body and the same idempotency key (OneSignal does not send a key twice), so pushes
 * that went out need no second write. The state is read back from MongoDB whenever partitions are assigned, and
 * compacted before they are given up. Runs on its own thread until {@link #stop()}; requests go out on the Vert.x
 * context given.
 */
public final class MatchDispatcher implements Runnable {

    private static final Logger LOGGER = LoggerFactory.getLogger(MatchDispatcher.class);
    private static final Duration POLL = Duration.ofMillis(20);
    private static final long COMMIT_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    /** Where the dispatcher's work goes and what it is allowed to do. */
    public record Settings(String appId, Duration renotifyAfter, int maxInFlight, Duration drainTimeout) {}

    private final Consumer<String, byte[]> consumer;
    private final String topic;
    private final NotificationStore store;
    private final PreferencesCache preferences;
    private final FailedPushes failed;
    private final UserThrottle throttle;
    private final MessageRenderer renderer = new MessageRenderer();
    private final FanOut fanOut;
    private final Settings settings;
    private final Clock clock;
    private final DispatchMetrics metrics;

    private final OffsetTracker offsets = new OffsetTracker();
    private final DispatchState state;
    /** Users whose counters the pushes of the current step change, before they are journaled. */
    private final Map<String, UserState> touched = new HashMap<>();

    private final CollapseBuffer held = new CollapseBuffer();
    private final Flights flights;
    private long lastCommit;
    private volatile boolean running = true;

    public MatchDispatcher(
            Consumer<String, byte[]> consumer,
            String topic,
            NotificationStore store,
            DispatchState state,
            PreferencesCache preferences,
            PushSender sender,
            Context context,
            FailedPushes failed,
            UserThrottle throttle,
            int maxRecipients,
            Settings settings,
            Clock clock,
            MeterRegistry registry) {
        this.consumer = consumer;
        this.topic = topic;
        this.store = store;
        this.state = state;
        this.preferences = preferences;
        this.failed = failed;
        this.throttle = throttle;
        this.fanOut = new FanOut(renderer, maxRecipients);
        this.settings = settings;
        this.clock = clock;
        this.metrics = new DispatchMetrics(registry);
        this.flights = new Flights(sender, context, metrics);
    }

    @Override
    public void run() {
        consumer.subscribe(List.of(topic), new Rebalance());
        try {
            while (running) {
                step();
            }
            drain();
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } catch (RuntimeException e) {
            LOGGER.atError().setCause(e).log("the match dispatcher stopped");
            throw e;
        } finally {
            consumer.close();
            state.close();
        }
    }

    /** Stops the loop: pushes in flight get {@code drainTimeout} to finish; safe from any thread. */
    public void stop() {
        running = false;
        consumer.wakeup();
    }

    private void step() {
        List<Pending> toSend = new ArrayList<>();
        Map<UUID, String> parked = new HashMap<>();
        List<Ticket> released = new ArrayList<>();
        collectCompletions(parked, released);
        flushHeld(toSend, released);
        if (flights.size() >= settings.maxInFlight()) {
            consumer.pause(consumer.assignment());
        } else if (!consumer.paused().isEmpty()) {
            consumer.resume(consumer.paused());
        }
        ConsumerRecords<String, byte[]> records;
        try {
            records = consumer.poll(POLL);
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
            records = ConsumerRecords.empty();
        }
        if (!records.isEmpty()) {
            plan(records, toSend, released);
        }
        send(toSend);
        finish(parked, released);
        commit(false);
        state.compactStep(this::idle);
    }

    /** A user whose counters no longer matter: no push in the hour, no collapse window open, nothing held. */
    private boolean idle(UserState user) {
        Instant now = clock.instant();
        return user.pushesInHourAt(now) == 0
                && !now.isBefore(throttle.collapseUntil(user))
                && !held.users().contains(user.userId());
    }

    /** A push ready to go, with the records it answers for. */
    private record Pending(Push push, List<Ticket> tickets, Map<String, Preferences> preferences) {}

    private void plan(ConsumerRecords<String, byte[]> records, List<Pending> toSend, List<Ticket> released) {
        Instant now = clock.instant();
        List<Map.Entry<Match, Ticket>> started = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            Ticket ticket = new Ticket(new TopicPartition(record.topic(), record.partition()), record.offset());
            offsets.polled(ticket.partition(), ticket.offset(), 0);
            Match match;
            try {
                match = MatchCodec.parse(record.value());
            } catch (RuntimeException e) {
                metrics.unreadable();
                LOGGER.atWarn()
                        .addKeyValue("topicName", record.topic())
                        .addKeyValue("partition", record.partition())
                        .addKeyValue("offset", record.offset())
                        .addKeyValue("error", e.getMessage())
                        .log("skipping unreadable match record");
                continue;
            }
            metrics.record(match.started(), record.timestamp());
            if (match.started()) {
                started.add(Map.entry(match, ticket));
            } else {
                List<Ticket> cancelled = held.cancel(match.pair());
                cancelled.forEach(t -> metrics.suppressed("ended_before_push"));
                released.addAll(cancelled);
            }
        }
        if (started.isEmpty()) {
            return;
        }
        Set<String> userIds = new HashSet<>();
        started.forEach(e -> {
            userIds.add(e.getKey().searcherId());
            userIds.add(e.getKey().offererId());
        });
        Map<String, Preferences> prefs = preferences.getAll(userIds);
        List<Map.Entry<Delivery, Ticket>> deliveries = new ArrayList<>();
        for (Map.Entry<Match, Ticket> e : started) {
            for (Role role : Role.values()) {
                Delivery delivery = new Delivery(e.getKey().userIn(role), role, e.getKey());
                if (prefs.get(delivery.userId()).wants(role)) {
                    deliveries.add(Map.entry(delivery, e.getValue()));
                } else if (role == Role.SEARCHER) {
                    metrics.suppressed("push_off");
                }
            }
        }
        Map<UUID, List<Ticket>> resend = new LinkedHashMap<>();
        Map<UUID, String> pages = new HashMap<>();
        List<Delivery> sendNow = new ArrayList<>();
        Map<String, Ticket> tickets = new HashMap<>();
        for (Map.Entry<Delivery, Ticket> e : deliveries) {
            Delivery delivery = e.getKey();
            Ticket ticket = e.getValue();
            UserState user = userState(delivery.userId());
            PairRecord last =
                    state.pair(delivery.userId(), delivery.match().pair()).orElse(null);
            if (held.holds(delivery) || tickets.containsKey(delivery.id())) {
                metrics.suppressed("duplicate");
            } else if (last != null && last.sequence() >= delivery.match().sequence()) {
                if (flights.knows(last.key())) {
                    metrics.suppressed("duplicate");
                } else {
                    resend.computeIfAbsent(last.key(), k -> new ArrayList<>()).add(ticket);
                    pages.put(last.key(), last.page());
                }
            } else if (last != null && now.isBefore(last.at().plus(settings.renotifyAfter()))) {
                metrics.suppressed("already_notified");
            } else {
                Preferences p = prefs.get(delivery.userId());
                switch (throttle.decide(user, p, now)) {
                    case SEND -> {
                        touched.put(user.userId(), user.afterPush(now));
                        sendNow.add(delivery);
                        tickets.put(delivery.id(), ticket);
                    }
                    case COLLAPSE -> {
                        held.hold(delivery, ticket);
                        offsets.add(ticket.partition(), ticket.offset(), 1);
                        metrics.collapsed();
                    }
                    case QUIET_HOURS -> metrics.suppressed("quiet_hours");
                    case HOURLY_LIMIT -> metrics.suppressed("hourly_limit");
                }
            }
        }
        for (Push push : fanOut.group(sendNow, u -> PushRequests.bySubscription(prefs.get(u)))) {
            List<Ticket> pushTickets =
                    push.deliveries().stream().map(d -> tickets.get(d.id())).toList();
            pushTickets.forEach(t -> offsets.add(t.partition(), t.offset(), 1));
            toSend.add(new Pending(push, pushTickets, prefs));
        }
        resendStored(resend, pages);
    }

    /** Records read again whose push is in the outbox: pending ones go out again with their stored body and key. */
    private void resendStored(Map<UUID, List<Ticket>> resend, Map<UUID, String> pages) {
        if (resend.isEmpty()) {
            return;
        }
        Map<UUID, OutboxEntry> stored = store.outbox(pages);
        resend.forEach((key, tickets) -> {
            OutboxEntry entry = stored.get(key);
            if (entry == null || !entry.pending()) {
                metrics.suppressed("duplicate");
                return;
            }
            tickets.forEach(t -> offsets.add(t.partition(), t.offset(), 1));
            CreateNotification request = CreateNotification.fromJson(new JsonObject(entry.body()));
            flights.add(request, List.of(), new ArrayList<>(tickets));
            metrics.resent();
            flights.dispatch(request);
        });
    }

    private void flushHeld(List<Pending> toSend, List<Ticket> released) {
        Instant now = clock.instant();
        Map<String, List<CollapseBuffer.Held>> due =
                held.takeDue(u -> !now.isBefore(throttle.collapseUntil(userState(u))));
        due.forEach((userId, waiting) -> {
            UserState user = userState(userId);
            Preferences p = preferences.getAll(List.of(userId)).get(userId);
            List<Ticket> waitingTickets =
                    waiting.stream().map(CollapseBuffer.Held::ticket).toList();
            switch (throttle.decide(user, p, now)) {
                case SEND, COLLAPSE -> {
                    touched.put(userId, user.afterPush(now));
                    List<Delivery> deliveries =
                            waiting.stream().map(CollapseBuffer.Held::delivery).toList();
                    Push push = Push.of(renderer.collapsed(deliveries), deliveries);
                    toSend.add(new Pending(push, waitingTickets, Map.of(userId, p)));
                }
                case QUIET_HOURS -> {
                    metrics.suppressed("quiet_hours");
                    released.addAll(waitingTickets);
                }
                case HOURLY_LIMIT -> {
                    metrics.suppressed("hourly_limit");
                    released.addAll(waitingTickets);
                }
            }
        });
    }

    /** Journals the pushes with the pairs and counters they change (one document), then sends them. */
    private void send(List<Pending> toSend) {
        if (toSend.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        String page = state.nextPage();
        Map<UUID, String> bodies = new LinkedHashMap<>();
        List<PairRecord> pairs = new ArrayList<>();
        List<CreateNotification> requests = new ArrayList<>();
        for (Pending pending : toSend) {
            Push push = pending.push();
            CreateNotification request = PushRequests.of(settings.appId(), push, pending.preferences());
            requests.add(request);
            bodies.put(push.key(), request.toJson().encode());
            for (int i = 0; i < push.deliveries().size(); i++) {
                Delivery d = push.deliveries().get(i);
                int partition = pending.tickets().get(i).partition().partition();
                pairs.add(new PairRecord(
                        d.userId(), d.match().pair(), partition, d.match().sequence(), push.key(), page, now));
            }
            flights.add(request, PushRequests.matchIds(push), pending.tickets());
        }
        state.write(bodies, pairs, List.copyOf(touched.values()));
        touched.clear();
        requests.forEach(flights::dispatch);
    }

    private UserState userState(String userId) {
        UserState user = touched.get(userId);
        return user != null ? user : state.user(userId);
    }

    private void collectCompletions(Map<UUID, String> parked, List<Ticket> released) {
        for (Flights.Landed done : flights.landed()) {
            Flights.Flight flight = done.flight();
            SendOutcome outcome = done.outcome();
            if (outcome.delivered()) {
                metrics.outcome(outcome.status() == SendOutcome.Status.SENT ? "sent" : "no_recipients");
                if (!outcome.errors().isEmpty()) {
                    LOGGER.atInfo()
                            .addKeyValue("idempotencyKey", done.key())
                            .addKeyValue("errors", outcome.errors().size())
                            .log("OneSignal reported recipients it could not reach");
                }
            } else {
                failed.park(flight.request(), flight.matchIds(), outcome);
                parked.put(done.key(), outcome.reason());
                metrics.outcome(outcome.reason());
            }
            released.addAll(flight.tickets());
        }
    }

    /**
     * Records the parked pushes and releases the records of the finished ones. Pushes that went out are not
     * recorded: a record read again before its offset was committed sends its push again with the same idempotency
     * key, which OneSignal answers without sending it twice; a parked one must not be parked twice.
     */
    private void finish(Map<UUID, String> parked, List<Ticket> released) {
        if (!parked.isEmpty()) {
            store.recordParked(parked);
        }
        released.forEach(t -> offsets.done(t.partition(), t.offset()));
    }

    private void commit(boolean now) {
        long time = System.nanoTime();
        if (!now && time - lastCommit < COMMIT_INTERVAL_NANOS) {
            return;
        }
        lastCommit = time;
        var commit = offsets.toCommit();
        if (commit.isEmpty()) {
            return;
        }
        if (now) {
            consumer.commitSync(commit);
        } else {
            // Not waiting keeps the loop going; a commit that fails is superseded by the next one, and records read
            // again meanwhile are recognised like after a restart.
            consumer.commitAsync(commit, (done, e) -> {
                if (e != null) {
                    LOGGER.atWarn().addKeyValue("error", e.getMessage()).log("an offset commit failed");
                }
            });
        }
    }

    /** At stop: waits a while for the pushes in flight, records them and commits what is done. */
    private void drain() {
        long deadline = System.nanoTime() + settings.drainTimeout().toNanos();
        while (!flights.isEmpty() && System.nanoTime() < deadline) {
            Map<UUID, String> parked = new HashMap<>();
            List<Ticket> released = new ArrayList<>();
            collectCompletions(parked, released);
            finish(parked, released);
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        commit(true);
        state.flush(this::idle);
    }

    private final class Rebalance implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            var commit = offsets.toCommit();
            commit.keySet().retainAll(partitions);
            if (!commit.isEmpty()) {
                consumer.commitSync(commit);
            }
            held.forget(partitions);
            offsets.forget(partitions);
            state.flush(MatchDispatcher.this::idle);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            // Another instance may have notified for these partitions: read their state from MongoDB again.
            int count = consumer.partitionsFor(topic).size();
            state.recover(
                    consumer.assignment().stream()
                            .map(TopicPartition::partition)
                            .toList(),
                    pair -> Utils.toPositive(Utils.murmur2(pair.getBytes(StandardCharsets.UTF_8))) % count);
        }
    }
}
