package io.pushtech.storage.infra;

import io.pushtech.storage.domain.MatchEvent;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Publishes match events to the {@code matches} topic, keyed by search id so that the events of a pair
 * stay in order. Blocking ({@link #publish} waits for Kafka's acknowledgement): materializer thread.
 */
public final class MatchPublisher {

    private final Producer<String, byte[]> producer;
    private final String topic;

    public MatchPublisher(Producer<String, byte[]> producer, String topic) {
        this.producer = producer;
        this.topic = topic;
    }

    public void publish(List<MatchEvent> events, Instant at) {
        for (MatchEvent event : events) {
            producer.send(new ProducerRecord<>(
                    topic, event.searchId(), toJson(event, at).toBuffer().getBytes()));
        }
        producer.flush();
    }

    public static JsonObject toJson(MatchEvent e, Instant at) {
        return new JsonObject()
                .put("type", e.type().name().toLowerCase(Locale.ROOT))
                .put("searchId", e.searchId())
                .put("offerId", e.offerId())
                .put("searchLocation", ItemCodec.location(e.searchLocation()))
                .put("offerLocation", ItemCodec.location(e.offerLocation()))
                .put("distance", e.distance())
                .put("reason", e.reason().name().toLowerCase(Locale.ROOT))
                .put("sequence", e.sequence())
                .put("ts", at.toString());
    }
}
