package io.pushtech.tracker.infra;

import io.pushtech.common.event.TrackingEvent;
import io.pushtech.tracker.domain.EventSink;
import io.pushtech.tracker.domain.SinkOverloadedException;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetSocket;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends accepted events to the Redis Stream from the event loop itself, over its own non-blocking connection:
 * the requests read in one turn of the loop become one group, written as stream entries with {@code XADD}; up to
 * four groups wait for Redis at once, and while they do, the requests read meanwhile make the next one. A request
 * is answered when Redis has answered its group, with no other thread woken on the way. Whenever this path cannot be used (no
 * connection, events waiting in the journal) requests go to the {@link StreamAppender}, which writes through
 * Jedis or diverts to the journal; a group whose write fails or times out goes to the journal through it.
 * Confined to one event loop: every method runs on it.
 */
public final class EventLoopStreamWriter implements EventSink {

    private static final Logger LOGGER = LoggerFactory.getLogger(EventLoopStreamWriter.class);
    private static final long RECONNECT_MILLIS = 500;
    // A few groups on their way at once: a request read while one is in flight need not wait for its answer
    // before leaving (a round trip less at moderate load), and once they are all out, what arrives meanwhile makes
    // one large group, so that under load a round trip carries many requests and Redis and the loop make few system
    // calls per request.
    private static final int MAX_GROUPS_IN_FLIGHT = 4;

    private final Vertx vertx;
    private final Context context;
    private final RedisAddress redis;
    private final StreamAppender blocking;
    private final FailedWrites fallback;
    private final XaddCommands commands;
    private final int maxEventsPerEntry;
    private final int maxWaitingRequests;
    private final long timeoutNanos;
    private final NetClient client;
    private final ArrayDeque<Group> inFlight = new ArrayDeque<>();
    private final EventJson json = new EventJson();
    private final long timer;
    private List<Pending> gathering = new ArrayList<>();
    private NetSocket socket;
    private boolean connecting;
    private boolean flushScheduled;
    private boolean closed;
    private long nextConnectNanos;
    private int waitingRequests;

    /** Runs on the event loop whose {@code context} is given; connects at once. */
    public EventLoopStreamWriter(
            Vertx vertx,
            Context context,
            RedisAddress redis,
            String streamKey,
            StreamAppender blocking,
            FailedWrites fallback,
            int maxWaitingRequests,
            int maxEventsPerEntry,
            int timeoutMillis) {
        this.vertx = vertx;
        this.context = context;
        this.redis = redis;
        this.blocking = blocking;
        this.fallback = fallback;
        this.commands = new XaddCommands(streamKey);
        this.maxEventsPerEntry = maxEventsPerEntry;
        this.maxWaitingRequests = maxWaitingRequests;
        this.timeoutNanos = timeoutMillis * 1_000_000L;
        this.client = vertx.createNetClient(new NetClientOptions()
                .setTcpNoDelay(true)
                .setConnectTimeout(timeoutMillis)
                .setReconnectAttempts(0));
        this.timer = vertx.setPeriodic(Math.max(10, timeoutMillis / 4), id -> expireSlowGroups());
        connect();
    }

    @Override
    public CompletionStage<Void> append(List<TrackingEvent> events) {
        if (socket == null || fallback.mustDivert()) {
            if (socket == null) {
                connect();
            }
            return blocking.append(events);
        }
        if (waitingRequests >= maxWaitingRequests) {
            return CompletableFuture.failedFuture(new SinkOverloadedException("the tracker's write queue is full"));
        }
        waitingRequests++;
        Pending pending = new Pending(events, new CompletableFuture<>());
        gathering.add(pending);
        if (inFlight.size() < MAX_GROUPS_IN_FLIGHT) {
            scheduleFlush();
        }
        return pending.done();
    }

    /** Flushes once the loop has read what it has to read now, so that all of it joins one group. */
    private void scheduleFlush() {
        if (!flushScheduled) {
            flushScheduled = true;
            context.runOnContext(ignored -> flush());
        }
    }

    /** Sends what was gathered as one group, unless earlier groups still fill the connection's allowance. */
    private void flush() {
        flushScheduled = false;
        if (gathering.isEmpty() || (socket != null && inFlight.size() >= MAX_GROUPS_IN_FLIGHT)) {
            return;
        }
        List<Pending> group = gathering;
        gathering = new ArrayList<>();
        if (socket == null) {
            handOver(group);
            return;
        }
        List<byte[]> entries;
        try {
            entries = entries(group);
        } catch (RuntimeException e) {
            waitingRequests -= group.size();
            group.forEach(p -> p.done().completeExceptionally(e));
            return;
        }
        Buffer command = Buffer.buffer(commands.length(entries));
        entries.forEach(entry -> commands.append(command, entry));
        inFlight.addLast(new Group(group, entries, entries.size(), System.nanoTime()));
        socket.write(command);
    }

    /** The stream entries of {@code group}: consecutive requests merged up to the entry limit, in order. */
    private List<byte[]> entries(List<Pending> group) {
        return StreamEntries.of(group.stream().map(Pending::events).toList(), maxEventsPerEntry, json);
    }

    private void reply(String error) {
        Group group = inFlight.peekFirst();
        if (group == null) {
            return;
        }
        if (error != null) {
            group.failed = true;
            LOGGER.atDebug().addKeyValue("error", error).log("Redis refused a stream write");
        }
        if (--group.awaitedReplies == 0) {
            inFlight.removeFirst();
            if (group.failed) {
                divert(group);
            } else {
                waitingRequests -= group.requests().size();
                group.requests().forEach(p -> p.done().complete(null));
            }
            if (!gathering.isEmpty()) {
                scheduleFlush();
            }
        }
    }

    /** A group Redis did not confirm goes to the journal (it may still reach the stream twice, with its ids). */
    private void divert(Group group) {
        waitingRequests -= group.requests().size();
        blocking.divert(group.entries()).whenComplete((v, e) -> {
            group.requests().forEach(p -> complete(p.done(), e));
        });
    }

    /** Requests gathered while the connection went away: the blocking writer takes them. */
    private void handOver(List<Pending> group) {
        waitingRequests -= group.size();
        group.forEach(p -> blocking.append(p.events()).whenComplete((v, e) -> complete(p.done(), e)));
    }

    private static void complete(CompletableFuture<Void> done, Throwable failure) {
        if (failure == null) {
            done.complete(null);
        } else {
            done.completeExceptionally(failure);
        }
    }

    private void expireSlowGroups() {
        Group oldest = inFlight.peekFirst();
        if (oldest != null && System.nanoTime() - oldest.sentNanos() > timeoutNanos) {
            LOGGER.atDebug().log("Redis answers too slowly; closing the stream connection");
            disconnected(socket);
        }
    }

    private void connect() {
        if (connecting || closed || socket != null || System.nanoTime() - nextConnectNanos < 0) {
            return;
        }
        connecting = true;
        nextConnectNanos = System.nanoTime() + RECONNECT_MILLIS * 1_000_000L;
        client.connect(redis.port(), redis.host()).onComplete(result -> {
            connecting = false;
            if (result.failed() || closed) {
                LOGGER.atDebug()
                        .addKeyValue("error", String.valueOf(result.cause()))
                        .log("no stream connection to Redis");
                if (result.succeeded()) {
                    result.result().close();
                }
                return;
            }
            NetSocket connected = result.result();
            RespReplies replies = new RespReplies(this::reply);
            connected.handler(data -> {
                try {
                    replies.feed(data);
                } catch (RuntimeException e) {
                    LOGGER.atDebug().setCause(e).log("unreadable reply from Redis");
                    disconnected(connected);
                }
            });
            connected.closeHandler(ignored -> disconnected(connected));
            connected.exceptionHandler(e -> disconnected(connected));
            socket = connected;
            Buffer setup = redis.setupCommands();
            if (setup.length() > 0) {
                inFlight.addLast(new Group(List.of(), List.of(), redis.setupReplies(), System.nanoTime()));
                connected.write(setup);
            }
        });
    }

    /** The connection is gone or no longer trusted: every group still in flight goes to the journal. */
    private void disconnected(NetSocket which) {
        if (which == null || which != socket) {
            return;
        }
        socket = null;
        which.close();
        while (!inFlight.isEmpty()) {
            divert(inFlight.removeFirst());
        }
        if (!gathering.isEmpty()) {
            scheduleFlush();
        }
        connect();
    }

    /** Hands what is gathered or in flight to the blocking writer and closes the connection, on the event loop. */
    public Future<Void> close() {
        Promise<Void> done = Promise.promise();
        context.runOnContext(ignored -> closeHere().onComplete(done));
        return done.future();
    }

    private Future<Void> closeHere() {
        closed = true;
        vertx.cancelTimer(timer);
        if (!gathering.isEmpty()) {
            List<Pending> group = gathering;
            gathering = new ArrayList<>();
            handOver(group);
        }
        disconnected(socket);
        return client.close();
    }

    private record Pending(List<TrackingEvent> events, CompletableFuture<Void> done) {}

    /** Requests sent together, and the replies still awaited for them. */
    private static final class Group {
        private final List<Pending> requests;
        private final List<byte[]> entries;
        private final long sentNanos;
        private int awaitedReplies;
        private boolean failed;

        Group(List<Pending> requests, List<byte[]> entries, int awaitedReplies, long sentNanos) {
            this.requests = requests;
            this.entries = entries;
            this.awaitedReplies = awaitedReplies;
            this.sentNanos = sentNanos;
        }

        List<Pending> requests() {
            return requests;
        }

        List<byte[]> entries() {
            return entries;
        }

        long sentNanos() {
            return sentNanos;
        }
    }
}
