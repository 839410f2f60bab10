package io.pushtech.storage.infra;

import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Appends item changes to the compacted {@code searches} and {@code offers} topics, keyed by item id:
 * an {@link ItemChange}, or a tombstone (no value) for a delete. Non-blocking: the futures complete on the
 * producer's I/O thread once Kafka acknowledged.
 */
public final class ItemLog {

    private final Producer<String, byte[]> producer;
    private final ItemMaterializer.Topics topics;

    public ItemLog(Producer<String, byte[]> producer, ItemMaterializer.Topics topics) {
        this.producer = producer;
        this.topics = topics;
    }

    public CompletableFuture<Void> appendSearch(ItemChange change) {
        return append(topics.searches(), change);
    }

    public CompletableFuture<Void> appendOffer(ItemChange change) {
        return append(topics.offers(), change);
    }

    public CompletableFuture<Void> append(String topic, ItemChange change) {
        return send(topic, change.id(), change.toBytes());
    }

    public CompletableFuture<Void> deleteSearch(String id) {
        return delete(topics.searches(), id);
    }

    public CompletableFuture<Void> deleteOffer(String id) {
        return delete(topics.offers(), id);
    }

    public CompletableFuture<Void> delete(String topic, String id) {
        return send(topic, id, null);
    }

    private CompletableFuture<Void> send(String topic, String key, byte[] value) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        producer.send(new ProducerRecord<>(topic, key, value), (metadata, error) -> {
            if (error != null) {
                done.completeExceptionally(error);
            } else {
                done.complete(null);
            }
        });
        return done;
    }
}
