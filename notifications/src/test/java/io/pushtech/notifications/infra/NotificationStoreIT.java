package io.pushtech.notifications.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.pushtech.common.Namespace;
import io.pushtech.devstack.DevStack;
import io.pushtech.devstack.junit.TestNamespace;
import io.pushtech.devstack.junit.WithDevStack;
import io.pushtech.notifications.infra.NotificationStore.OutboxEntry;
import io.pushtech.notifications.infra.NotificationStore.OutboxPage;
import io.pushtech.notifications.infra.NotificationStore.PairRecord;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What a record read again after a restart finds of its push: the user's pair record, and the body in its page. */
@WithDevStack
class NotificationStoreIT {

    private static MongoClient mongo;
    private static NotificationStore store;

    @BeforeAll
    static void connect(DevStack stack, TestNamespace namespace) {
        mongo = MongoClients.create(stack.mongoUri());
        store = new NotificationStore(mongo.getDatabase(new Namespace(namespace.value()).database()));
    }

    @AfterAll
    static void close() {
        mongo.close();
    }

    @Test
    void pushesOfABatchAreFoundInTheirPageAndParkedOnesAreNotPending() {
        // Given
        UUID sent = UUID.randomUUID();
        UUID parked = UUID.randomUUID();
        Map<UUID, String> bodies = new LinkedHashMap<>();
        bodies.put(sent, "{\"n\":1}");
        bodies.put(parked, "{\"n\":2}");
        String page = UUID.randomUUID().toString();
        store.recordPending(new OutboxPage(page, bodies), List.of());
        store.recordParked(Map.of(parked, "rejected_400"));

        // When
        Map<UUID, OutboxEntry> found = store.outbox(Map.of(sent, page, parked, page, UUID.randomUUID(), page));

        // Then
        assertThat(found)
                .containsOnly(
                        Map.entry(sent, new OutboxEntry(sent, true, "{\"n\":1}")),
                        Map.entry(parked, new OutboxEntry(parked, false, "{\"n\":2}")));
    }

    @Test
    void userRecordKeepsThePageOfEachPairsLastPush() {
        // Given
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        PairRecord pair = new PairRecord(
                "s-1|o-1", 3, UUID.randomUUID(), UUID.randomUUID().toString(), at);
        UserRecord user = UserRecord.fresh("page-user");
        user.state = user.state.afterPush(at);
        user.record(pair);
        store.recordPending(new OutboxPage(UUID.randomUUID().toString(), Map.of()), List.of(user));

        // When
        Map<String, UserRecord> found = store.users(List.of("page-user"));

        // Then
        assertThat(found.get("page-user").pairs()).containsExactly(pair);
    }

    @Test
    void twoInstancesWritingOneUserKeepEachOthersPairs() {
        // Given: both instances know the user as stored, before either pushes
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        UserRecord first = UserRecord.fresh("shared-user");
        store.recordPending(page(), List.of(first));
        UserRecord onA = store.users(List.of("shared-user")).get("shared-user");
        UserRecord onB = store.users(List.of("shared-user")).get("shared-user");
        PairRecord fromA = new PairRecord("s-a|o.1", 1, UUID.randomUUID(), "page-a", at);
        PairRecord fromB = new PairRecord("s-b|o$2", 1, UUID.randomUUID(), "page-b", at);

        // When
        onA.record(fromA);
        store.recordPending(page(), List.of(onA));
        onB.record(fromB);
        store.recordPending(page(), List.of(onB));

        // Then
        assertThat(store.users(List.of("shared-user")).get("shared-user").pairs())
                .containsExactlyInAnyOrder(fromA, fromB);
    }

    @Test
    void prunedPairsLeaveTheStoredUser() {
        // Given
        Instant longAgo = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        UserRecord user = UserRecord.fresh("pruned-user");
        PairRecord old = new PairRecord("s-old|o-old", 1, UUID.randomUUID(), "page-old", longAgo);
        user.record(old);
        store.recordPending(page(), List.of(user));
        UserRecord stored = store.users(List.of("pruned-user")).get("pruned-user");
        PairRecord recent = new PairRecord("s-new|o-new", 1, UUID.randomUUID(), "page-new", now);

        // When
        stored.record(recent);
        stored.prune(now, Duration.ofDays(1));
        store.recordPending(page(), List.of(stored));

        // Then
        assertThat(store.users(List.of("pruned-user")).get("pruned-user").pairs())
                .containsExactly(recent);
    }

    private static OutboxPage page() {
        return new OutboxPage(UUID.randomUUID().toString(), Map.of());
    }
}
