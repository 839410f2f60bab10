package io.pushtech.notifications.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.pushtech.common.Namespace;
import io.pushtech.devstack.DevStack;
import io.pushtech.devstack.junit.TestNamespace;
import io.pushtech.devstack.junit.WithDevStack;
import io.pushtech.notifications.domain.UserState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * The dispatcher's state read back by another instance (a restart, or the instance a partition moved to): from the
 * journal alone, from compacted buckets, and from what earlier versions wrote.
 */
@WithDevStack
class DispatchStateIT {

    private static final Duration LONG = Duration.ofDays(1);
    private static final StateRecovery.Partitioner ONE_PARTITION = pair -> 0;
    private static MongoClient mongo;
    private static String prefix;
    private MongoDatabase database;
    private NotificationStore journal;
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @BeforeAll
    static void connect(DevStack stack, TestNamespace namespace) {
        mongo = MongoClients.create(stack.mongoUri());
        prefix = new Namespace(namespace.value()).database();
    }

    @AfterAll
    static void close() {
        mongo.close();
    }

    @BeforeEach
    void database(TestInfo test) {
        database = mongo.getDatabase(
                prefix + "-" + test.getTestMethod().orElseThrow().getName());
        journal = new NotificationStore(database);
    }

    @Test
    void restartWithTheJournalOnlyFindsPairsAndCounters() {
        // Given
        DispatchState before = instance(LONG, Set.of(0));
        PairRecord pair = pushed(before, "journal-user", "s-1|o-1", 0);

        // When
        DispatchState after = instance(LONG, Set.of(0));

        // Then
        assertThat(after.pair("journal-user", "s-1|o-1")).contains(pair);
        assertThat(after.user("journal-user").pushesInHourAt(now)).isEqualTo(1);
    }

    @Test
    void restartAfterCompactionFindsCompactedAndLaterChanges() {
        // Given
        DispatchState before = instance(LONG, Set.of(0));
        PairRecord compacted = pushed(before, "compacted-user", "s-1|o-1", 0);
        before.flush(user -> false);
        PairRecord later = pushed(before, "compacted-user", "s-2|o-2", 0);

        // When
        DispatchState after = instance(LONG, Set.of(0));

        // Then
        assertThat(after.pair("compacted-user", "s-1|o-1")).contains(compacted);
        assertThat(after.pair("compacted-user", "s-2|o-2")).contains(later);
        assertThat(after.user("compacted-user").pushesInHourAt(now)).isEqualTo(2);
    }

    @Test
    void partitionMovingToAnotherInstanceTakesItsPairsWithIt() {
        // Given: the first instance owned partitions 0 and 1 and stopped without compacting
        DispatchState first = instance(LONG, Set.of(0, 1));
        pushed(first, "moving-user", "s-0|o-0", 0);
        PairRecord moved = pushed(first, "moving-user", "s-1|o-1", 1);

        // When
        DispatchState second = instance(LONG, Set.of(1));

        // Then
        assertThat(second.pair("moving-user", "s-1|o-1")).contains(moved);
        assertThat(second.pair("moving-user", "s-0|o-0")).isEmpty();
        assertThat(second.user("moving-user").pushesInHourAt(now)).isEqualTo(2);
    }

    @Test
    void twoInstancesCompactingOneBucketKeepEachOthersEntries() {
        // Given: users whose counters share a bucket, pushed by two instances owning different partitions
        String other = userInSameBucketAs("bucket-user-a");
        DispatchState onA = instance(LONG, Set.of(0));
        DispatchState onB = instance(LONG, Set.of(1));
        PairRecord fromA = pushed(onA, "bucket-user-a", "s-a|o.1", 0);
        PairRecord fromB = pushed(onB, other, "s-b|o$2", 1);

        // When
        onA.flush(user -> false);
        onB.flush(user -> false);

        // Then
        DispatchState next = instance(LONG, Set.of(0, 1));
        assertThat(next.pair("bucket-user-a", "s-a|o.1")).contains(fromA);
        assertThat(next.pair(other, "s-b|o$2")).contains(fromB);
        assertThat(next.user("bucket-user-a").pushesInHourAt(now)).isEqualTo(1);
        assertThat(next.user(other).pushesInHourAt(now)).isEqualTo(1);
    }

    @Test
    void compactedPagesAreDeletedOnceTooOldAndTheStateStays() {
        // Given
        DispatchState before = instance(Duration.ZERO, Set.of(0));
        PairRecord pair = pushed(before, "pruned-page-user", "s-1|o-1", 0);

        // When
        before.flush(user -> false);

        // Then
        assertThat(journal.journal(List.of(pair.page()))).isEmpty();
        assertThat(instance(LONG, Set.of(0)).pair("pruned-page-user", "s-1|o-1"))
                .contains(pair);
    }

    @Test
    void dispatcherStepsHandTheCompactionOverAndItsRoundIsRecordedOnceWritten() {
        // Given: an instance that keeps pages no time at all, so a recorded round deletes them
        DispatchState before = instance(Duration.ZERO, Set.of(0));
        PairRecord pair = pushed(before, "stepped-user", "s-1|o-1", 0);

        // When: steps go on until the compaction thread has written the buckets and the round is recorded
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            before.compactStep(user -> false);
            assertThat(journal.journal(List.of(pair.page()))).isEmpty();
        });

        // Then: the state is read back from the buckets alone
        assertThat(instance(LONG, Set.of(0)).pair("stepped-user", "s-1|o-1")).contains(pair);
        assertThat(instance(LONG, Set.of(0)).user("stepped-user").pushesInHourAt(now))
                .isEqualTo(1);
        before.close();
    }

    @Test
    void aRoundWaitsUntilTheJournalHoldsAsManyEntriesAsTheState() {
        // Given: a state of four entries (two users, two pairs), compacted by a first round
        DispatchState state = instance(LONG, Set.of(0));
        pushed(state, "round-user-1", "s-1|o-1", 0);
        pushed(state, "round-user-2", "s-2|o-2", 0);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            state.compactStep(user -> false);
            assertThat(compactedUpTo()).isEqualTo(2);
        });

        // When: a push journals two entries, against a state of six
        pushed(state, "round-user-3", "s-3|o-3", 0);
        for (int i = 0; i < 10; i++) {
            state.compactStep(user -> false);
        }

        // Then: no round yet
        assertThat(compactedUpTo()).isEqualTo(2);
        assertThat(compactedUsers("round-user-3")).doesNotContain("round-user-3");

        // When: two more pushes to known users bring the journal to six entries
        pushed(state, "round-user-1", "s-1|o-1", 0);
        pushed(state, "round-user-2", "s-2|o-2", 0);

        // Then: a round compacts everything, the waiting push included
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            state.compactStep(user -> false);
            assertThat(compactedUpTo()).isEqualTo(5);
        });
        assertThat(compactedUsers("round-user-3")).contains("round-user-3");
        state.close();
    }

    @Test
    void journalOfAWriterGoneLongAgoIsReadThenDeleted() {
        // Given: a writer that stopped without compacting
        PairRecord pair = pushed(instance(LONG, Set.of(0)), "gone-writer-user", "s-1|o-1", 0);

        // When: read back by an instance that keeps pages no time at all
        DispatchState after = instance(Duration.ZERO, Set.of(0));

        // Then
        assertThat(after.pair("gone-writer-user", "s-1|o-1")).contains(pair);
        assertThat(journal.journal(List.of(pair.page()))).isEmpty();
    }

    @Test
    void pairsOlderThanKeptLeaveTheState() {
        // Given
        DispatchState before = instance(LONG, Set.of(0));
        PairRecord old = new PairRecord(
                "old-pair-user",
                "s-old|o-old",
                0,
                1,
                UUID.randomUUID(),
                before.nextPage(),
                now.minus(3, ChronoUnit.DAYS));
        before.write(Map.of(), List.of(old), List.of());

        // When
        before.flush(user -> false);

        // Then
        assertThat(instance(LONG, Set.of(0)).pair("old-pair-user", "s-old|o-old"))
                .isEmpty();
    }

    @Test
    void stateWrittenByEarlierVersionsIsRead() {
        // Given
        String page = UUID.randomUUID().toString();
        UUID key = UUID.randomUUID();
        database.getCollection(StateStore.LEGACY_USERS)
                .insertOne(new Document("_id", "legacy-user")
                        .append("lastPushAt", Date.from(now))
                        .append("hourStart", Date.from(now))
                        .append("pushesInHour", 3)
                        .append(
                                "pairs",
                                new Document(
                                        "s-l|o-l",
                                        new Document("pair", "s-l|o-l")
                                                .append("sequence", 2L)
                                                .append("key", key.toString())
                                                .append("page", page)
                                                .append("at", Date.from(now)))));

        // When
        DispatchState after = instance(LONG, Set.of(0));

        // Then
        assertThat(after.pair("legacy-user", "s-l|o-l"))
                .contains(new PairRecord("legacy-user", "s-l|o-l", 0, 2, key, page, now));
        assertThat(after.user("legacy-user").pushesInHourAt(now)).isEqualTo(3);
    }

    private DispatchState instance(Duration keepPages, Set<Integer> partitions) {
        DispatchState state = new DispatchState(
                journal,
                new StateStore(database),
                new DispatchState.Settings(LONG, keepPages, Duration.ZERO, 4),
                Clock.systemUTC());
        state.recover(partitions, ONE_PARTITION);
        return state;
    }

    /** Journals one push of {@code pair} to {@code userId}, as the dispatcher does; returns the pair's record. */
    private PairRecord pushed(DispatchState state, String userId, String pair, int partition) {
        UUID key = UUID.randomUUID();
        PairRecord record = new PairRecord(userId, pair, partition, 1, key, state.nextPage(), now);
        UserState user = state.user(userId).afterPush(now);
        state.write(Map.of(key, "{\"n\":1}"), List.of(record), List.of(user));
        return record;
    }

    /** How far the only writer of this test's database says its journal is compacted. */
    private long compactedUpTo() {
        Document writer = database.getCollection(StateStore.WRITERS).find().first();
        return writer == null ? 0 : writer.get("compacted", Number.class).longValue();
    }

    /** The ids of the users compacted into the bucket of {@code userId}. */
    private List<String> compactedUsers(String userId) {
        return new StateStore(database)
                .buckets(List.of(DispatchState.userBucket(userId))).values().stream()
                        .flatMap(Collection::stream)
                        .map(entry -> entry.getString("id"))
                        .toList();
    }

    private static String userInSameBucketAs(String userId) {
        for (int i = 0; ; i++) {
            String candidate = "bucket-user-" + i;
            if (!candidate.equals(userId)
                    && DispatchState.userBucket(candidate).equals(DispatchState.userBucket(userId))) {
                return candidate;
            }
        }
    }
}
