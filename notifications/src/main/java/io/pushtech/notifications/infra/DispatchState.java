package io.pushtech.notifications.infra;

import com.mongodb.client.MongoDatabase;
import io.pushtech.notifications.domain.UserState;
import io.pushtech.notifications.infra.NotificationStore.Page;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the dispatcher remembers, in memory: users' limit counters and, for the pairs of the partitions this instance
 * owns, each pair's last push to each of its users. Every change is journaled in the page of the poll that makes it
 * (the same document as the poll's outbox, so one write per poll), and compacted a few documents at a time into
 * bucket documents; a round that wrote every bucket dirty when it began records that the journal is compacted up to
 * that page, and pages compacted and older than {@code keepPages} are deleted. {@link #recover} rebuilds the state
 * from the buckets and the pages written after each writer's last round. The compaction's writes are made on a
 * thread of their own ({@link CompactionWrites}), so the dispatcher does not wait for them; everything else is
 * dispatcher thread only.
 */
public final class DispatchState implements AutoCloseable {

    /** Enough buckets that each stays small: a server may rewrite a whole document to change a field of it. */
    static final int USER_BUCKETS = 256;

    static final int PAIR_BUCKETS_PER_PARTITION = 64;
    private static final int PAGES_PER_DELETE = 500;
    private static final Logger LOGGER = LoggerFactory.getLogger(DispatchState.class);

    /**
     * How long pairs and pages are kept, how often a compaction round starts, and how many bucket writes may wait for
     * the compaction thread (each is encoded when handed over, so fewer keep the written entries fresher).
     */
    public record Settings(Duration keepPairs, Duration keepPages, Duration compactEvery, int writesAhead) {}

    private record PageMark(long sequence, Instant at) {}

    private record Round(long sequence, Deque<String> buckets, int bucketCount, long startedNanos) {
        Round(long sequence, Deque<String> buckets) {
            this(sequence, buckets, buckets.size(), System.nanoTime());
        }
    }

    private final NotificationStore journal;
    private final StateStore store;
    private final Settings settings;
    private final Clock clock;
    private final String writer = UUID.randomUUID().toString();
    private final StateRecovery recovery;
    private final CompactionWrites writes = new CompactionWrites();

    private final Map<String, UserState> users = new HashMap<>();
    private final Map<String, PairRecord> pairs = new HashMap<>();
    /** Per bucket, the entries changed (or forgotten) since they were last written. */
    private final Map<String, Set<String>> dirty = new LinkedHashMap<>();

    private final Deque<PageMark> pages = new ArrayDeque<>();
    private final Set<Integer> owned = new HashSet<>();
    private long sequence;
    /** State entries journaled since the last round began. */
    private long journaledSinceRound;

    private long compacted;
    private long pruned;
    private Round round;
    private Instant lastRound;

    DispatchState(NotificationStore journal, StateStore store, Settings settings, Clock clock) {
        this.journal = journal;
        this.store = store;
        this.settings = settings;
        this.clock = clock;
        this.lastRound = clock.instant();
        this.recovery = new StateRecovery(journal, store, writer, settings.keepPages(), clock);
    }

    public static DispatchState create(
            MongoDatabase database, NotificationStore journal, Settings settings, Clock clock) {
        return new DispatchState(journal, new StateStore(database), settings, clock);
    }

    UserState user(String userId) {
        return users.getOrDefault(userId, UserState.fresh(userId));
    }

    Optional<PairRecord> pair(String userId, String pair) {
        return Optional.ofNullable(pairs.get(PairRecord.id(userId, pair)));
    }

    /** The id the next page will have (pair records name the page that holds their push). */
    String nextPage() {
        return Page.id(writer, sequence + 1);
    }

    /** Journals a poll's pushes and the state they change, in one document, then applies the changes. */
    void write(Map<UUID, String> bodies, List<PairRecord> changedPairs, Collection<UserState> changedUsers) {
        Instant now = clock.instant();
        journal.write(new Page(nextPage(), bodies, changedPairs, changedUsers, now));
        sequence++;
        pages.add(new PageMark(sequence, now));
        changedUsers.forEach(this::put);
        changedPairs.forEach(this::put);
        journaledSinceRound += changedUsers.size() + changedPairs.size();
    }

    /**
     * Rebuilds the state of {@code partitions} (now this instance's) and of users from the buckets and the journal
     * pages not yet compacted, merged with what is in memory; forgets the pairs of other partitions.
     */
    void recover(Collection<Integer> partitions, StateRecovery.Partitioner partitioner) {
        writes.awaitAll();
        store.compacted(writer, compacted, pruned, clock.instant());
        owned.clear();
        owned.addAll(partitions);
        pairs.values().removeIf(p -> !owned.contains(p.partition()));
        dirty.keySet().removeIf(b -> b.startsWith("p-") && !owned.contains(partitionOf(b)));
        recovery.recover(owned, partitioner, new StateRecovery.Sink() {
            @Override
            public void user(UserState state, boolean journaled) {
                UserState known = users.get(state.userId());
                UserState merged = known == null ? state : known.merge(state);
                if (!merged.equals(known)) {
                    users.put(merged.userId(), merged);
                    if (journaled) {
                        markDirty(userBucket(merged.userId()), merged.userId());
                    }
                }
            }

            @Override
            public void pair(PairRecord pair, boolean journaled) {
                PairRecord known = pairs.get(pair.id());
                PairRecord merged = known == null ? pair : known.newer(pair);
                if (!merged.equals(known)) {
                    pairs.put(merged.id(), merged);
                    if (journaled) {
                        markDirty(pairBucket(merged), merged.id());
                    }
                }
            }
        });
    }

    /**
     * Does a little compaction: starts a round when one is due (at least {@code compactEvery} after the last, once
     * the journal since holds as many entries as the state, or a quarter of {@code keepPages} after the last
     * anyway), forgetting users {@code idle} says are idle and pairs older than {@code keepPairs}; hands dirty
     * buckets to the compaction thread while it has room, and ends the round once every bucket is written. Never
     * waits for MongoDB.
     */
    void compactStep(Predicate<UserState> idle) {
        Instant now = clock.instant();
        int pending = writes.pending();
        if (round == null) {
            if (now.isBefore(lastRound.plus(settings.compactEvery()))) {
                return;
            }
            boolean longAgo = !now.isBefore(lastRound.plus(settings.keepPages().dividedBy(4)));
            // A round rewrites every bucket changed, which is most of them when many users are new: waiting until
            // the journal holds as many entries as the state keeps that to one entry rewritten per entry
            // journaled, and what a recovery reads beyond the buckets to about the size of the state.
            boolean journalAsLargeAsState = journaledSinceRound >= users.size() + pairs.size();
            if (!dirty.isEmpty() && (journalAsLargeAsState || longAgo)) {
                startRound(idle, now);
            } else if (dirty.isEmpty() && longAgo) {
                // Nothing to write, but the writer says it is alive and its old pages go.
                round = new Round(sequence, new ArrayDeque<>());
            } else {
                return;
            }
        }
        for (; pending < settings.writesAhead() && !round.buckets().isEmpty(); pending++) {
            writeBucket(round.buckets().poll());
        }
        // The round is recorded as done only once its buckets are known to be written.
        if (round.buckets().isEmpty() && pending == 0) {
            endRound(now);
        }
    }

    /** Compacts everything now: before giving partitions up, and at stop. */
    void flush(Predicate<UserState> idle) {
        Instant now = clock.instant();
        if (round == null) {
            if (dirty.isEmpty()) {
                return;
            }
            startRound(idle, now);
        }
        while (!round.buckets().isEmpty()) {
            writeBucket(round.buckets().poll());
        }
        writes.awaitAll();
        endRound(now);
        writes.awaitAll();
    }

    @Override
    public void close() {
        writes.close();
    }

    int users() {
        return users.size();
    }

    int pairs() {
        return pairs.size();
    }

    private void startRound(Predicate<UserState> idle, Instant now) {
        journaledSinceRound = 0;
        for (Iterator<UserState> it = users.values().iterator(); it.hasNext(); ) {
            UserState user = it.next();
            if (idle.test(user)) {
                it.remove();
                markDirty(userBucket(user.userId()), user.userId());
            }
        }
        Instant oldest = now.minus(settings.keepPairs());
        for (Iterator<PairRecord> it = pairs.values().iterator(); it.hasNext(); ) {
            PairRecord pair = it.next();
            if (pair.at().isBefore(oldest)) {
                it.remove();
                markDirty(pairBucket(pair), pair.id());
            }
        }
        round = new Round(sequence, new ArrayDeque<>(dirty.keySet()));
    }

    private void writeBucket(String bucket) {
        Set<String> keys = dirty.remove(bucket);
        if (keys == null) {
            return;
        }
        boolean ofPairs = bucket.startsWith("p-");
        Map<String, Document> set = new HashMap<>();
        List<String> unset = new ArrayList<>();
        for (String key : keys) {
            Document entry = ofPairs
                    ? Optional.ofNullable(pairs.get(key))
                            .map(StateCodec::encode)
                            .orElse(null)
                    : Optional.ofNullable(users.get(key))
                            .map(StateCodec::encode)
                            .orElse(null);
            if (entry == null) {
                unset.add(StateCodec.fieldName(key));
            } else {
                set.put(StateCodec.fieldName(key), entry);
            }
        }
        writes.submit(() -> store.write(bucket, set, unset));
    }

    private void endRound(Instant now) {
        LOGGER.atInfo()
                .addKeyValue("buckets", round.bucketCount())
                .addKeyValue("users", users.size())
                .addKeyValue("pairs", pairs.size())
                .addKeyValue("millis", (System.nanoTime() - round.startedNanos()) / 1_000_000)
                .log("notification state compacted");
        compacted = round.sequence();
        round = null;
        lastRound = now;
        List<String> old = new ArrayList<>();
        Instant oldest = now.minus(settings.keepPages());
        while (!pages.isEmpty()
                && old.size() < PAGES_PER_DELETE
                && pages.peek().sequence() <= compacted
                && pages.peek().at().isBefore(oldest)) {
            old.add(Page.id(writer, pages.poll().sequence()));
        }
        if (!old.isEmpty()) {
            writes.submit(() -> journal.delete(old));
            pruned = Long.parseLong(old.get(old.size() - 1).substring(writer.length() + 1));
        }
        long compactedUpTo = compacted;
        long prunedUpTo = pruned;
        writes.submit(() -> store.compacted(writer, compactedUpTo, prunedUpTo, now));
    }

    private void put(UserState user) {
        users.put(user.userId(), user);
        markDirty(userBucket(user.userId()), user.userId());
    }

    private void put(PairRecord pair) {
        pairs.put(pair.id(), pair);
        markDirty(pairBucket(pair), pair.id());
    }

    private void markDirty(String bucket, String key) {
        dirty.computeIfAbsent(bucket, b -> new HashSet<>()).add(key);
    }

    static String userBucket(String userId) {
        return "u-" + Math.floorMod(userId.hashCode(), USER_BUCKETS);
    }

    static String pairBucket(PairRecord pair) {
        return pairBucket(pair.partition(), pair.pair());
    }

    static String pairBucket(int partition, String pair) {
        return "p-" + partition + "-" + Math.floorMod(pair.hashCode(), PAIR_BUCKETS_PER_PARTITION);
    }

    private static int partitionOf(String pairBucket) {
        return Integer.parseInt(pairBucket.substring(2, pairBucket.lastIndexOf('-')));
    }
}
