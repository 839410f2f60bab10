package io.pushtech.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
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
import io.pushtech.storage.infra.MongoLocationStore;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@WithDevStack
class StorageIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static RunningServices services;
    private static KafkaProducer<String, byte[]> producer;
    private static MongoClient mongo;
    private static Namespace namespace;
    private static String base;

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
                        "PUSHTECH_JWT_SECRET",
                        StoreClient.SECRET)));
        base = "http://127.0.0.1:" + services.port(StorageVerticle.NAME);
        producer = new KafkaProducer<>(KafkaClientProperties.producer(stack.kafkaBootstrap(), "it"));
        mongo = MongoClients.create(stack.mongoUri());
    }

    @AfterAll
    static void stop() throws Exception {
        services.close();
        producer.close();
        mongo.close();
    }

    @Test
    void locationRecordBecomesTheDevicesLocation() throws Exception {
        // When
        publish(location("dev-1", T0, 52.52, 13.40));

        // Then
        JsonObject location = awaitLocation("dev-1", 52.52);
        assertThat(location.getDouble("lng")).isEqualTo(13.40);
        assertThat(location.getString("ts")).isEqualTo(T0.toString());
    }

    @Test
    void usersLocationIsTheirLatestDevicesLocation() throws Exception {
        // Given
        publish(new LocationUpdate("e-phone", "user-5", "phone-5", 10.0, 10.0, 5.0, T0));
        awaitLocation("user-5", 10.0);

        // When
        publish(new LocationUpdate("e-tablet", "user-5", "tablet-5", 11.0, 11.0, null, T0.plusSeconds(5)));

        // Then
        JsonObject user = awaitLocation("user-5", 11.0);
        assertThat(user.getString("deviceId")).isEqualTo("tablet-5");
        assertThat(user.getString("userId")).isEqualTo("user-5");
        assertThat(new JsonObject(get("/store/locations/phone-5").body()).getDouble("lat"))
                .isEqualTo(10.0);
    }

    @Test
    void olderEventDoesNotReplaceANewerLocation() throws Exception {
        // Given
        publish(location("dev-2", T0.plusSeconds(60), 1.0, 1.0));
        awaitLocation("dev-2", 1.0);

        // When
        publish(location("dev-2", T0, 2.0, 2.0));
        publish(location("dev-3", T0, 3.0, 3.0));

        // Then
        awaitLocation("dev-3", 3.0);
        assertThat(new JsonObject(get("/store/locations/dev-2").body()).getDouble("lat"))
                .isEqualTo(1.0);
    }

    @Test
    void locationIsStoredAsGeoJsonForOtherReaders() throws Exception {
        // Given
        publish(location("dev-4", T0, 48.85, 2.35));
        awaitLocation("dev-4", 48.85);

        // When
        Document stored = mongo.getDatabase(namespace.database())
                .getCollection(MongoLocationStore.COLLECTION)
                .find(new Document("_id", "dev-4"))
                .first();

        // Then
        assertThat(stored.get("location", Document.class).toJson())
                .isEqualTo("{\"type\": \"Point\", \"coordinates\": [2.35, 48.85]}");
    }

    @Test
    void unknownDeviceIsJsonNotFound() throws Exception {
        // When
        var response = get("/store/locations/nobody");

        // Then
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(new JsonObject(response.body()).getJsonObject("error").getString("code"))
                .isEqualTo("not_found");
    }

    private static void publish(LocationUpdate update) throws Exception {
        producer.send(new ProducerRecord<>(namespace.topic(Topics.LOCATIONS), update.key(), Json.toBytes(update)))
                .get();
    }

    private static JsonObject awaitLocation(String deviceId, double lat) {
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> {
                            var response = get("/store/locations/" + deviceId);
                            return response.statusCode() == 200 ? new JsonObject(response.body()) : null;
                        },
                        json -> json != null && json.getDouble("lat") == lat);
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static LocationUpdate location(String deviceId, Instant ts, double lat, double lng) {
        return new LocationUpdate(UUID.randomUUID().toString(), null, deviceId, lat, lng, null, ts);
    }
}
