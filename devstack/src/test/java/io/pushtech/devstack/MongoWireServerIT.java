package io.pushtech.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.function.Consumer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MongoWireServerIT {

    @TempDir
    Path dataDir;

    @Test
    void inMemoryServerAnswersAndWritesNoFileAndForgetsAtClose() {
        // Given
        try (MongoWireServer server = MongoWireServer.start(dataDir, FreePorts.pick(Set.of()), true)) {
            // When
            offers(server, collection -> collection.insertOne(new Document("_id", "offer-1").append("title", "bike")));

            // Then
            offers(server, collection -> assertThat(
                            collection.find(new Document("_id", "offer-1")).first())
                    .containsEntry("title", "bike"));
        }
        assertThat(Files.exists(dataDir.resolve("mongodb").resolve("mongodb.mv")))
                .isFalse();
        try (MongoWireServer server = MongoWireServer.start(dataDir, FreePorts.pick(Set.of()), true)) {
            offers(server, collection -> assertThat(collection.countDocuments()).isZero());
        }
    }

    @Test
    void fileBackedServerKeepsDocumentsAcrossARestart() {
        // Given
        try (MongoWireServer server = MongoWireServer.start(dataDir, FreePorts.pick(Set.of()), false)) {
            offers(server, collection -> collection.insertOne(new Document("_id", "offer-1").append("title", "bike")));
        }

        // When
        try (MongoWireServer server = MongoWireServer.start(dataDir, FreePorts.pick(Set.of()), false)) {
            // Then
            offers(server, collection -> assertThat(
                            collection.find(new Document("_id", "offer-1")).first())
                    .containsEntry("title", "bike"));
        }
    }

    private static void offers(MongoWireServer server, Consumer<MongoCollection<Document>> use) {
        try (MongoClient client = MongoClients.create(server.uri())) {
            use.accept(client.getDatabase("store").getCollection("offers"));
        }
    }
}
