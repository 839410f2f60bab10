package io.pushtech.storage.infra;

import io.pushtech.storage.domain.MatchEvent.Reason;
import io.pushtech.storage.domain.Offer;
import io.pushtech.storage.domain.Search;
import io.vertx.core.json.JsonObject;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Appends item changes to the compacted {@code searches} and {@code offers} topics, keyed by item id:
 * the item's whole new state with the reason of the change, or a tombstone (no value) for a delete.
 * Non-blocking: the futures complete on the producer's I/O thread once Kafka acknowledged.
 */
public final class ItemLog {

    private final Producer<String, byte[]> producer;
    private final ItemMaterializer.Topics topics;

    public ItemLog(Producer<String, byte[]> producer, ItemMaterializer.Topics topics) {
        this.producer = producer;
        this.topics = topics;
    }

    public CompletableFuture<Void> append(Search search, Reason reason) {
        return send(topics.searches(), search.id(), withReason(ItemCodec.toJson(search), reason));
    }

    public CompletableFuture<Void> append(Offer offer, Reason reason) {
        return send(topics.offers(), offer.id(), withReason(ItemCodec.toJson(offer), reason));
    }

    public CompletableFuture<Void> deleteSearch(String id) {
        return send(topics.searches(), id, null);
    }

    public CompletableFuture<Void> deleteOffer(String id) {
        return send(topics.offers(), id, null);
    }

    private static byte[] withReason(JsonObject json, Reason reason) {
        return json.put("reason", reason.name().toLowerCase(Locale.ROOT))
                .toBuffer()
                .getBytes();
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
