package io.pushtech.kafkastore.infra;

import io.pushtech.common.Namespace;
import io.pushtech.kafkastore.domain.OutgoingRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/** Produces a batch of records and returns only when Kafka acknowledged every one of them. Blocking. */
public final class KafkaPublisher {

    private final Producer<String, byte[]> producer;
    private final Namespace namespace;

    public KafkaPublisher(Producer<String, byte[]> producer, Namespace namespace) {
        this.producer = producer;
        this.namespace = namespace;
    }

    /** @throws ExecutionException when any record was not acknowledged; the caller must not ack its source */
    public void publishAll(List<OutgoingRecord> records) throws ExecutionException, InterruptedException {
        List<Future<RecordMetadata>> acks = new ArrayList<>(records.size());
        for (OutgoingRecord record : records) {
            acks.add(
                    producer.send(new ProducerRecord<>(namespace.topic(record.topic()), record.key(), record.value())));
        }
        producer.flush();
        for (Future<RecordMetadata> ack : acks) {
            ack.get();
        }
    }
}
