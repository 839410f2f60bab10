package io.pushtech.storage;

import static io.pushtech.storage.StoreClient.offer;
import static io.pushtech.storage.StoreClient.search;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.pushtech.common.Namespace;
import io.pushtech.common.Topics;
import io.pushtech.common.config.Settings;
import io.pushtech.common.service.RunningServices;
import io.pushtech.devstack.DevStack;
import io.pushtech.devstack.junit.TestNamespace;
import io.pushtech.devstack.junit.WithDevStack;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The log is the truth: MongoDB and the index are rebuilt from the compacted topics. */
@WithDevStack
class StorageRebuildIT {

    private DevStack stack;
    private Namespace namespace;
    private RunningServices services;
    private StoreClient store;
    private MongoClient mongo;

    @BeforeEach
    void connect(DevStack stack, TestNamespace testNamespace) {
        this.stack = stack;
        this.namespace = new Namespace(testNamespace.value());
        this.mongo = MongoClients.create(stack.mongoUri());
    }

    @AfterEach
    void stop() throws Exception {
        if (services != null) {
            services.close();
            store.close();
        }
        mongo.close();
    }

    @Test
    void writeAnswersAcceptedWithLocationWhenTheWaitRunsOut() throws Exception {
        // Given
        start("0");

        // When
        HttpResponse<String> response =
                store.post("/store/offers", offer("quick", 1, 1, 100).encode(), store.token("kim"));

        // Then
        assertThat(response.statusCode()).isEqualTo(202);
        String location = response.headers().firstValue("Location").orElseThrow();
        assertThat(location).isEqualTo("/store/offers/" + new JsonObject(response.body()).getString("id"));
        await().atMost(Duration.ofSeconds(30)).until(() -> store.get(location).statusCode() == 200);
    }

    @Test
    void replayRebuildsTheSameCollections() throws Exception {
        // Given
        start("10000");
        createMatchingPair("replay", 20.0);
        store.patch(
                "/store/searches/" + createMatchingPair("replay-b", 20.1)[0],
                "{\"radius\": 700}",
                store.token("replay-b-s"));
        List<String> before = collections();
        services.close();
        services = null;
        store.close();

        // When
        ByteArrayOutputStream bar = new ByteArrayOutputStream();
        int items = StorageReplay.from(settings("10000"), new PrintStream(bar, true))
                .run();

        // Then
        assertThat(collections()).isEqualTo(before);
        assertThat(items).isGreaterThanOrEqualTo(4);
        assertThat(bar.toString()).contains("100%");
    }

    @Test
    void restartRebuildsTheIndexWithoutRepublishingMatches() throws Exception {
        // Given
        start("10000");
        String[] pair = createMatchingPair("restart", 30.0);
        String matchesBefore =
                store.get("/store/searches/" + pair[0] + "/matches").body();
        services.close();

        // When
        start("10000");

        // Then
        await().atMost(Duration.ofSeconds(30)).until(() -> store.get("/ready").statusCode() == 200);
        assertThat(store.get("/store/searches/" + pair[0] + "/matches").body()).isEqualTo(matchesBefore);
        String[] later = createMatchingPair("restart-later", 30.5);
        try (MatchesTopic matches = new MatchesTopic(stack.kafkaBootstrap(), namespace.topic(Topics.MATCHES))) {
            matches.awaitAny(MatchesTopic.pair("started", later[0], later[1]));
            assertThat(matches.matching(MatchesTopic.pair("started", pair[0], pair[1])))
                    .hasSize(1);
        }
    }

    @Test
    void pairEndedAfterARestartContinuesItsSequence() throws Exception {
        // Given
        start("10000");
        String[] pair = createMatchingPair("sequence", 31.0);
        restart();

        // When
        store.delete("/store/offers/" + pair[1], store.token("sequence-o"));

        // Then
        try (MatchesTopic matches = new MatchesTopic(stack.kafkaBootstrap(), namespace.topic(Topics.MATCHES))) {
            assertThat(matches.awaitAny(MatchesTopic.pair("ended", pair[0], pair[1])))
                    .singleElement()
                    .satisfies(ended -> assertThat(ended.getLong("sequence")).isEqualTo(2L));
        }
    }

    @Test
    void pairThatExpiredBeforeARestartContinuesItsSequenceWhenItMatchesAgain() throws Exception {
        // Given: the pair started (1) and ended when the search expired (2); a rebuild from the log alone
        // would not see that pair at all, since the search has expired by then
        start("10000");
        String offerId = store.create("offers", "expiry-o", offer("expiry bike", 32.0, 5.0, 1000))
                .getString("id");
        JsonObject expiring = search("bike", 32.001, 5.0, 1000)
                .put("expiresAt", Instant.now().plusSeconds(3).toString());
        String searchId = store.create("searches", "expiry-s", expiring).getString("id");
        try (MatchesTopic matches = new MatchesTopic(stack.kafkaBootstrap(), namespace.topic(Topics.MATCHES))) {
            matches.awaitAny(MatchesTopic.pair("ended", searchId, offerId));
        }
        restart();

        // When
        store.patch("/store/searches/" + searchId, "{\"expiresAt\": null}", store.token("expiry-s"));

        // Then
        try (MatchesTopic matches = new MatchesTopic(stack.kafkaBootstrap(), namespace.topic(Topics.MATCHES))) {
            matches.awaitAny(
                    m -> MatchesTopic.pair("started", searchId, offerId).test(m) && m.getLong("sequence") == 3L);
            assertThat(matches.matching(
                            m -> m.getString(MatchesTopic.RECORD_KEY).equals(searchId + "|" + offerId)))
                    .extracting(m -> m.getString("type") + " " + m.getLong("sequence"))
                    .containsExactly("started 1", "ended 2", "started 3");
        }
    }

    @Test
    void restartRestoresTheIndexFromMongoWithoutRereadingTheLog() throws Exception {
        // Given
        start("10000");
        String[] pair = createMatchingPair("restore", 33.0);
        String nearby = "/store/offers?lat=33.0&lng=5.0&radius=2000&q=restore";
        String offersBefore = store.get(nearby).body();
        String matchesBefore =
                store.get("/store/offers/" + pair[1] + "/matches").body();

        // When
        restart();

        // Then
        assertThat(store.get(nearby).body()).isEqualTo(offersBefore).contains(pair[1]);
        assertThat(store.get("/store/offers/" + pair[1] + "/matches").body()).isEqualTo(matchesBefore);
        String metrics = store.get("/metrics").body();
        assertThat(metric(metrics, "storage_items_restored")).isGreaterThanOrEqualTo(2);
        assertThat(metric(metrics, "storage_items_read_total")).isZero();
    }

    private void restart() throws Exception {
        services.close();
        store.close();
        start("10000");
        await().atMost(Duration.ofSeconds(30)).until(() -> store.get("/ready").statusCode() == 200);
    }

    private static double metric(String metrics, String name) {
        return metrics.lines()
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no metric " + name));
    }

    /** Creates an offer and a search that match; answers {searchId, offerId} once the match is there. */
    private String[] createMatchingPair(String name, double lat) throws Exception {
        String offerId = store.create("offers", name + "-o", offer(name + " bike", lat, 5.0, 1000))
                .getString("id");
        String searchId = store.create("searches", name + "-s", search("bike", lat + 0.001, 5.0, 1000))
                .getString("id");
        await().atMost(Duration.ofSeconds(30)).until(() -> store.get("/store/searches/" + searchId + "/matches")
                .body()
                .contains(offerId));
        return new String[] {searchId, offerId};
    }

    private List<String> collections() {
        List<String> documents = new ArrayList<>();
        for (String collection : List.of("searches", "offers", "pairs")) {
            mongo.getDatabase(namespace.database())
                    .getCollection(collection)
                    .find()
                    .sort(new Document("_id", 1))
                    .forEach(doc -> documents.add(collection + " " + doc.toJson()));
        }
        return documents;
    }

    private void start(String writeWaitMillis) throws Exception {
        services = RunningServices.start(List.of(new StorageDefinition()), settings(writeWaitMillis));
        store = new StoreClient(services.port(StorageVerticle.NAME));
    }

    private Settings settings(String writeWaitMillis) {
        return Settings.of(Map.of(
                "KAFKA_BOOTSTRAP",
                stack.kafkaBootstrap(),
                "MONGO_URI",
                stack.mongoUri(),
                "PUSHTECH_NAMESPACE",
                namespace.value(),
                "HTTP_HOST",
                "127.0.0.1",
                "STORAGE_PORT",
                "0",
                "STORAGE_WRITE_WAIT_MS",
                writeWaitMillis,
                "PUSHTECH_JWT_SECRET",
                StoreClient.SECRET));
    }
}
