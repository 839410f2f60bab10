package io.pushtech.notifications.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.pushtech.common.Namespace;
import io.pushtech.devstack.DevStack;
import io.pushtech.devstack.junit.TestNamespace;
import io.pushtech.devstack.junit.WithDevStack;
import io.pushtech.notifications.domain.UserState;
import io.pushtech.notifications.infra.NotificationStore.OutboxEntry;
import io.pushtech.notifications.infra.NotificationStore.Page;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What a record read again after a restart finds of its push: the body in its page, unless it was parked. */
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
        String page = Page.id("writer-" + UUID.randomUUID(), 1);
        store.write(new Page(page, bodies, List.of(), List.of(), Instant.now()));
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
    void aPageJournalsThePairsAndCountersOfItsPushes() {
        // Given
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String page = Page.id("writer-" + UUID.randomUUID(), 7);
        PairRecord pair = new PairRecord("page-user", "s-1|o.1", 3, 2, UUID.randomUUID(), page, at);
        UserState user = UserState.fresh("page-user").afterPush(at);
        store.write(new Page(page, Map.of(pair.key(), "{}"), List.of(pair), List.of(user), at));

        // When
        Page found = store.journal(List.of(page)).get(page);

        // Then
        assertThat(found.pairs()).containsExactly(pair);
        assertThat(found.users()).containsExactly(user);
    }
}
