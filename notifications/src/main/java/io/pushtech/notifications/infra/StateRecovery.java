package io.pushtech.notifications.infra;

import io.pushtech.notifications.domain.UserState;
import io.pushtech.notifications.infra.NotificationStore.Page;
import io.pushtech.notifications.infra.StateStore.Writer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the dispatcher's state back from MongoDB: the buckets of users and of the partitions given, then every
 * writer's journal pages after its last compaction (a writer that stopped or crashed left its last changes only
 * there), then the user documents of earlier versions if any are left. Each entry goes to a {@link Sink} that merges
 * it, so reading an entry twice or in another order gives the same state. Then deletes the pages of writers not seen
 * for longer than pages are kept: by then their last changes were read and compacted by the instances that took
 * their partitions. Blocking: the dispatcher thread calls it.
 */
final class StateRecovery {

    private static final Logger LOGGER = LoggerFactory.getLogger(StateRecovery.class);
    private static final int PAGES_PER_READ = 64;
    private static final int PAGES_PER_DELETE = 500;
    private static final int DELETES_PER_RECOVERY = 10;

    /** The {@code matches} partition of a pair (for the state of earlier versions, which did not record it). */
    interface Partitioner {
        int partitionOf(String pair);
    }

    /** Where recovered entries go; {@code journaled} when they came from a journal page rather than a bucket. */
    interface Sink {
        void user(UserState state, boolean journaled);

        void pair(PairRecord pair, boolean journaled);
    }

    private final NotificationStore journal;
    private final StateStore store;
    private final String self;
    private final Duration keepPages;
    private final Clock clock;

    StateRecovery(NotificationStore journal, StateStore store, String self, Duration keepPages, Clock clock) {
        this.journal = journal;
        this.store = store;
        this.self = self;
        this.keepPages = keepPages;
        this.clock = clock;
    }

    void recover(Set<Integer> partitions, Partitioner partitioner, Sink sink) {
        long started = System.nanoTime();
        readBuckets(partitions, sink);
        int pages = 0;
        Instant oldest = clock.instant().minus(keepPages);
        for (Writer writer : store.writers()) {
            pages += readJournal(writer, partitions, sink);
            if (!writer.id().equals(self) && writer.seen().isBefore(oldest)) {
                deletePages(writer);
            }
        }
        int legacy = readLegacy(partitions, partitioner, sink);
        LOGGER.atInfo()
                .addKeyValue("partitions", partitions.size())
                .addKeyValue("journalPages", pages)
                .addKeyValue("legacyUsers", legacy)
                .addKeyValue("millis", (System.nanoTime() - started) / 1_000_000)
                .log("notification state recovered");
    }

    private void readBuckets(Set<Integer> partitions, Sink sink) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < DispatchState.USER_BUCKETS; i++) {
            ids.add("u-" + i);
        }
        for (int partition : partitions) {
            for (int i = 0; i < DispatchState.PAIR_BUCKETS_PER_PARTITION; i++) {
                ids.add("p-" + partition + "-" + i);
            }
        }
        store.buckets(ids).forEach((bucket, entries) -> {
            for (Document entry : entries) {
                if (bucket.startsWith("u-")) {
                    sink.user(StateCodec.user(entry), false);
                } else {
                    sink.pair(StateCodec.pair(entry), false);
                }
            }
        });
    }

    /** Replays the pages {@code writer} wrote after its last compaction; they follow one another without gaps. */
    private int readJournal(Writer writer, Set<Integer> partitions, Sink sink) {
        int read = 0;
        for (long from = writer.compacted() + 1; ; from += PAGES_PER_READ) {
            Map<String, Page> found = journal.journal(ids(writer.id(), from, from + PAGES_PER_READ - 1));
            for (long sequence = from; sequence < from + PAGES_PER_READ; sequence++) {
                Page page = found.get(Page.id(writer.id(), sequence));
                if (page == null) {
                    return read;
                }
                read++;
                page.users().forEach(u -> sink.user(u, true));
                page.pairs().stream()
                        .filter(p -> partitions.contains(p.partition()))
                        .forEach(p -> sink.pair(p, true));
            }
        }
    }

    /** Deletes a few thousand pages at most, so a rebalance is not held up: the next recovery goes on. */
    private void deletePages(Writer writer) {
        long from = writer.pruned() + 1;
        for (int i = 0; i < DELETES_PER_RECOVERY; i++) {
            List<String> ids = ids(writer.id(), from, from + PAGES_PER_DELETE - 1);
            if (journal.journal(ids).isEmpty() && from > writer.compacted()) {
                store.forget(writer.id());
                LOGGER.atInfo().addKeyValue("writer", writer.id()).log("deleted the journal of a writer gone long ago");
                return;
            }
            journal.delete(ids);
            from += PAGES_PER_DELETE;
        }
        store.compacted(writer.id(), writer.compacted(), from - 1, writer.seen());
    }

    private int readLegacy(Set<Integer> partitions, Partitioner partitioner, Sink sink) {
        List<Document> users = store.legacyUsers();
        for (Document doc : users) {
            String userId = doc.getString("_id");
            if (doc.getDate("hourStart") != null) {
                sink.user(StateCodec.user(doc, userId), true);
            }
            for (Document p : legacyPairs(doc.get("pairs"))) {
                int partition = partitioner.partitionOf(p.getString("pair"));
                if (partitions.contains(partition)) {
                    sink.pair(StateCodec.pair(p, userId, partition), true);
                }
            }
        }
        return users.size();
    }

    /** The pairs of an earlier version's user document: a sub-document by pair, or a list. */
    private static Collection<Document> legacyPairs(Object pairs) {
        if (pairs instanceof Document byPair) {
            return byPair.values().stream().map(Document.class::cast).toList();
        }
        if (pairs instanceof List<?> list) {
            return list.stream().map(Document.class::cast).toList();
        }
        return List.of();
    }

    private static List<String> ids(String writer, long from, long to) {
        return LongStream.rangeClosed(from, to)
                .mapToObj(s -> Page.id(writer, s))
                .toList();
    }
}
