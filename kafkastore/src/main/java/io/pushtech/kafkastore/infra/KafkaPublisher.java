package io.pushtech.kafkastore.infra;

import io.pushtech.common.Namespace;
import io.pushtech.kafkastore.domain.OutgoingRecord;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Produces batches of records with the shared idempotent producer. Thread-safe; {@link #send} may block the
 * calling thread up to the producer's {@code max.block.ms} when Kafka is unreachable or its buffer is full.
 */
public final class KafkaPublisher {

    private final Producer<String, byte[]> producer;
    private final Namespace namespace;

    public KafkaPublisher(Producer<String, byte[]> producer, Namespace namespace) {
        this.producer = producer;
        this.namespace = namespace;
    }

    /**
     * Sends {@code records}; the future completes when Kafka acknowledged every one of them, or fails with the first
     * error, after which the caller must not acknowledge their source.
     */
    public CompletableFuture<Void> send(List<OutgoingRecord> records) {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        if (records.isEmpty()) {
            acked.complete(null);
            return acked;
        }
        AtomicInteger remaining = new AtomicInteger(records.size());
        for (OutgoingRecord record : records) {
            producer.send(
                    new ProducerRecord<>(namespace.topic(record.topic()), record.key(), record.value()),
                    (metadata, error) -> {
                        if (error != null) {
                            acked.completeExceptionally(error);
                        } else if (remaining.decrementAndGet() == 0) {
                            acked.complete(null);
                        }
                    });
        }
        return acked;
    }
}
