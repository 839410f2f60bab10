package io.pushtech.storage.infra;

import io.pushtech.storage.domain.MatchEvent;
import io.pushtech.storage.domain.Offer;
import io.pushtech.storage.domain.Search;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Publishes match events to the {@code matches} topic, keyed by pair ({@code searchId|offerId}) so that
 * the events of a pair stay in order. Each record carries what a notifier needs of both items (owners,
 * the offer's title, category, price and images, the search's keywords), so it needs no lookup. Blocking ({@link #publish} waits for Kafka's acknowledgement): materializer thread.
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
                    topic, event.pairKey(), toJson(event, at).toBuffer().getBytes()));
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
                .put("ts", at.toString())
                .put("search", searchSummary(e.search()))
                .put("offer", offerSummary(e.offer()));
    }

    private static JsonObject searchSummary(Search s) {
        JsonObject json =
                new JsonObject().put("id", s.id()).put("ownerId", s.ownerId()).put("keywords", s.keywords());
        s.category().ifPresent(c -> json.put("category", c));
        return json;
    }

    private static JsonObject offerSummary(Offer o) {
        JsonObject json = new JsonObject()
                .put("id", o.id())
                .put("ownerId", o.ownerId())
                .put("title", o.title())
                .put("category", o.category());
        o.price()
                .ifPresent(p -> json.put(
                        "price", new JsonObject().put("amount", p.amount()).put("currency", p.currency())));
        return json.put("imageIds", new JsonArray(o.imageIds()));
    }
}
