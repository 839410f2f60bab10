package io.pushtech.storage;

import static io.pushtech.storage.StoreClient.offer;
import static io.pushtech.storage.StoreClient.search;
import static org.assertj.core.api.Assertions.assertThat;

import io.pushtech.common.Json;
import io.pushtech.common.Namespace;
import io.pushtech.common.Topics;
import io.pushtech.common.config.Settings;
import io.pushtech.common.event.LocationUpdate;
import io.pushtech.common.kafka.KafkaClientProperties;
import io.pushtech.common.service.RunningServices;
import io.pushtech.devstack.DevStack;
import io.pushtech.devstack.junit.TestNamespace;
import io.pushtech.devstack.junit.WithDevStack;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@WithDevStack
class StoreApiIT {

    private static RunningServices services;
    private static StoreClient store;
    private static MatchesTopic matches;
    private static KafkaProducer<String, byte[]> producer;
    private static Namespace namespace;

    @BeforeAll
    static void startStorage(DevStack stack, TestNamespace testNamespace) throws Exception {
        namespace = new Namespace(testNamespace.value());
        services = RunningServices.start(
                List.of(new StorageDefinition()),
                Settings.of(Map.of(
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
                        "10000",
                        "PUSHTECH_JWT_SECRET",
                        StoreClient.SECRET)));
        store = new StoreClient(services.port(StorageVerticle.NAME));
        matches = new MatchesTopic(stack.kafkaBootstrap(), namespace.topic(Topics.MATCHES));
        producer = new KafkaProducer<>(KafkaClientProperties.producer(stack.kafkaBootstrap(), "it"));
    }

    @AfterAll
    static void stop() throws Exception {
        services.close();
        store.close();
        matches.close();
        producer.close();
    }

    @Test
    void newSearchNearAnOfferStartsAMatch() throws Exception {
        // Given
        JsonObject o = store.create("offers", "alice", offer("Red bikes for kids", 52.5200, 13.4050, 2000));

        // When
        JsonObject s = store.create("searches", "bob", search("red BIKE", 52.5290, 13.4050, 1500));

        // Then
        JsonObject started = matches.awaitAny(MatchesTopic.pair("started", s.getString("id"), o.getString("id")))
                .get(0);
        assertThat(started.getString("reason")).isEqualTo("created");
        assertThat(started.getLong("sequence")).isEqualTo(1);
        assertThat(started.getDouble("distance")).isBetween(990.0, 1010.0);
        assertThat(started.getString(MatchesTopic.RECORD_KEY)).isEqualTo(s.getString("id") + "|" + o.getString("id"));
        assertThat(started.getJsonObject("search").getString("ownerId")).isEqualTo("bob");
        assertThat(started.getJsonObject("offer").getString("ownerId")).isEqualTo("alice");
        assertThat(started.getJsonObject("offer").getString("title")).isEqualTo("Red bikes for kids");
        assertThat(new JsonObject(store.get("/store/searches/" + s.getString("id") + "/matches")
                                .body())
                        .getJsonArray("matches"))
                .extracting(m -> ((JsonObject) m).getString("offerId"))
                .containsExactly(o.getString("id"));
    }

    @Test
    void createdItemIsReadBackWithServerFields() throws Exception {
        // Given
        JsonObject created = store.create("searches", "carol", search("lamp", 48.85, 2.35, 500));

        // When
        HttpResponse<String> response = store.get("/store/searches/" + created.getString("id"));

        // Then
        JsonObject read = new JsonObject(response.body());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(read.getString("ownerId")).isEqualTo("carol");
        assertThat(read.getLong("version")).isEqualTo(1);
        assertThat(read.getJsonObject("location").getDouble("lat")).isEqualTo(48.85);
        assertThat(read.getString("createdAt")).isNotBlank();
    }

    @Test
    void nearbyOffersAreSortedByDistanceAndPaginated() throws Exception {
        // Given
        for (int i = 3; i >= 1; i--) {
            store.create("offers", "dave", offer("antique clock " + i, 40.0 + i * 0.001, -3.7, 500));
        }

        // When
        JsonObject first = new JsonObject(store.get("/store/offers?lat=40&lng=-3.7&radius=1000&q=clocks&limit=2")
                .body());
        JsonObject second = new JsonObject(store.get(
                        "/store/offers?lat=40&lng=-3.7&radius=1000&q=clocks&limit=2&cursor=" + first.getString("next"))
                .body());

        // Then
        assertThat(first.getJsonArray("items"))
                .extracting(i -> ((JsonObject) i).getString("title"))
                .containsExactly("antique clock 1", "antique clock 2");
        assertThat(first.getJsonArray("items").getJsonObject(0).getDouble("distance"))
                .isBetween(100.0, 120.0);
        assertThat(second.getJsonArray("items"))
                .extracting(i -> ((JsonObject) i).getString("title"))
                .containsExactly("antique clock 3");
    }

    @Test
    void nearbySearchesShowWhatPeopleLookFor() throws Exception {
        // Given
        store.create("searches", "erin", search("vintage piano", 35.0, 139.0, 1000));

        // When
        JsonObject page = new JsonObject(store.get("/store/searches?lat=35.001&lng=139&radius=5000&q=piano")
                .body());

        // Then
        assertThat(page.getJsonArray("items")).hasSize(1);
        assertThat(page.getJsonArray("items").getJsonObject(0).getString("ownerId"))
                .isEqualTo("erin");
    }

    @Test
    void ownerMovingMovesFollowingSearchIntoAMatch() throws Exception {
        // Given
        JsonObject o = store.create("offers", "frank", offer("surfboard", -33.89, 151.27, 300));
        JsonObject s = store.create(
                "searches", "gina", search("surfboards", -33.80, 151.27, 300).put("followsOwner", true));

        // When
        LocationUpdate update = new LocationUpdate(
                UUID.randomUUID().toString(), "gina", "phone-g", -33.8905, 151.27, 5.0, Instant.now());
        producer.send(new ProducerRecord<>(namespace.topic(Topics.LOCATIONS), "gina", Json.toBytes(update)))
                .get();

        // Then
        JsonObject started = matches.awaitAny(MatchesTopic.pair("started", s.getString("id"), o.getString("id")))
                .get(0);
        assertThat(started.getString("reason")).isEqualTo("moved");
        assertThat(started.getJsonObject("searchLocation").getDouble("lat")).isEqualTo(-33.8905);
    }

    @Test
    void deletingAnOfferEndsItsMatch() throws Exception {
        // Given
        JsonObject o = store.create("offers", "hank", offer("kayak", 60.0, 10.0, 1000));
        JsonObject s = store.create("searches", "ivy", search("kayak", 60.0, 10.001, 1000));
        matches.awaitAny(MatchesTopic.pair("started", s.getString("id"), o.getString("id")));

        // When
        HttpResponse<String> response = store.delete("/store/offers/" + o.getString("id"), store.token("hank"));

        // Then
        assertThat(response.statusCode()).isEqualTo(204);
        JsonObject ended = matches.awaitAny(MatchesTopic.pair("ended", s.getString("id"), o.getString("id")))
                .get(0);
        assertThat(ended.getString("reason")).isEqualTo("deleted");
        assertThat(ended.getLong("sequence")).isEqualTo(2);
        assertThat(store.get("/store/offers/" + o.getString("id")).statusCode()).isEqualTo(404);
    }

    @Test
    void ownerUpdatesTheirSearch() throws Exception {
        // Given
        JsonObject s = store.create("searches", "jack", search("chair", 10.0, 10.0, 500));

        // When
        HttpResponse<String> response = store.patch(
                "/store/searches/" + s.getString("id"),
                "{\"radius\": 900, \"keywords\": \"Chairs\"}",
                store.token("jack"));

        // Then
        JsonObject updated = new JsonObject(response.body());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(updated.getDouble("radius")).isEqualTo(900.0);
        assertThat(updated.getLong("version")).isEqualTo(2);
        assertThat(new JsonObject(store.get("/store/searches/" + s.getString("id"))
                                .body())
                        .getString("keywords"))
                .isEqualTo("Chairs");
    }

    @Test
    void emptyPatchChangesNothing() throws Exception {
        // Given
        JsonObject s = store.create("searches", "kate", search("desk", 11.0, 11.0, 500));

        // When
        HttpResponse<String> response = store.patch("/store/searches/" + s.getString("id"), "{}", store.token("kate"));

        // Then
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(new JsonObject(response.body()).getLong("version")).isEqualTo(1);
        assertThat(new JsonObject(store.get("/store/searches/" + s.getString("id"))
                                .body())
                        .getLong("version"))
                .isEqualTo(1);
    }

    @Test
    void nullClearsOptionalFieldsOfAnOffer() throws Exception {
        // Given
        JsonObject o = store.create(
                "offers",
                "liam",
                offer("lamp", 12.0, 12.0, 500)
                        .put("description", "brass")
                        .put("followsOwner", true)
                        .put("imageIds", new JsonArray().add("img-1")));

        // When
        HttpResponse<String> response = store.patch(
                "/store/offers/" + o.getString("id"),
                "{\"description\": null, \"followsOwner\": null, \"imageIds\": null}",
                store.token("liam"));

        // Then
        JsonObject updated = new JsonObject(response.body());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(updated.getString("description")).isEmpty();
        assertThat(updated.getBoolean("followsOwner")).isFalse();
        assertThat(updated.getJsonArray("imageIds")).isEmpty();
        assertThat(updated.getLong("version")).isEqualTo(2);
    }

    @Test
    void descriptionKeepsLineBreaksAndTabs() throws Exception {
        // When
        JsonObject o = store.create(
                "offers", "mia", offer("sofa", 13.0, 13.0, 500).put("description", "grey\r\n\tthree seats"));

        // Then
        assertThat(new JsonObject(
                                store.get("/store/offers/" + o.getString("id")).body())
                        .getString("description"))
                .isEqualTo("grey\r\n\tthree seats");
    }
}
