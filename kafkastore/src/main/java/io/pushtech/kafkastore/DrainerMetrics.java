package io.pushtech.kafkastore;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.pushtech.kafkastore.domain.OutgoingRecord;
import io.pushtech.kafkastore.domain.RejectReason;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** The meters of one source's drainer, tagged with the source. Thread-safe. */
final class DrainerMetrics {

    private final MeterRegistry registry;
    private final String source;
    private final Counter in;
    private final Counter claimed;
    private final Counter trimmed;
    private final Counter groupsRecreated;
    private final Map<String, Counter> out = new ConcurrentHashMap<>();
    private final Map<RejectReason, Counter> rejected = new EnumMap<>(RejectReason.class);
    private final DistributionSummary batchSizes;
    private final Timer enrichment;
    private final Timer produce;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong lag = new AtomicLong(-1);

    DrainerMetrics(MeterRegistry registry, String source) {
        this.registry = registry;
        this.source = source;
        in = counter("kafkastore.events.in", "Stream entries read");
        claimed = counter(
                "kafkastore.events.claimed",
                "Entries taken over from consumers that left them pending too long (XAUTOCLAIM)");
        trimmed = counter(
                "kafkastore.stream.trimmed",
                "Entries removed from the stream once every consumer group had acknowledged them");
        groupsRecreated = counter(
                "kafkastore.group.recreated",
                "Times the consumer group was gone and was created again (Redis lost its data)");
        for (RejectReason reason : RejectReason.values()) {
            rejected.put(
                    reason,
                    Counter.builder("kafkastore.events.rejected")
                            .description("Entries sent to events.rejected")
                            .tags("source", source, "reason", reason.code())
                            .register(registry));
        }
        batchSizes = DistributionSummary.builder("kafkastore.batch.size")
                .description("Stream entries per batch")
                .tag("source", source)
                .register(registry);
        enrichment = Timer.builder("kafkastore.enrichment.latency")
                .description("Validation, enrichment and serialization of one batch, per event")
                .tag("source", source)
                .register(registry);
        produce = Timer.builder("kafkastore.produce.latency")
                .description("From sending a batch to Kafka until Kafka acknowledged all of it")
                .tag("source", source)
                .publishPercentiles(0.5, 0.99)
                .register(registry);
        Gauge.builder("kafkastore.stream.pending", pending, AtomicLong::get)
                .description("Entries delivered to the consumer group and not acknowledged yet")
                .tag("source", source)
                .register(registry);
        Gauge.builder("kafkastore.stream.lag", lag, value -> value.get() < 0 ? Double.NaN : value.get())
                .description("Entries not delivered to the consumer group yet (Redis 7 and later)")
                .tag("source", source)
                .register(registry);
    }

    private Counter counter(String name, String description) {
        return Counter.builder(name)
                .description(description)
                .tag("source", source)
                .register(registry);
    }

    void batchRead(int entries, boolean wereClaimed) {
        in.increment(entries);
        batchSizes.record(entries);
        if (wereClaimed) {
            claimed.increment(entries);
        }
    }

    void enriched(int entries, long nanos) {
        if (entries > 0) {
            enrichment.record(nanos / entries, TimeUnit.NANOSECONDS);
        }
    }

    void published(List<OutgoingRecord> records, long nanos) {
        produce.record(nanos, TimeUnit.NANOSECONDS);
        for (OutgoingRecord record : records) {
            record.rejected().ifPresentOrElse(reason -> rejected.get(reason).increment(), () -> out.computeIfAbsent(
                            record.topic(), topic -> Counter.builder("kafkastore.events.out")
                                    .description("Records Kafka acknowledged, by topic")
                                    .tags("source", source, "topic", topic)
                                    .register(registry))
                    .increment());
        }
    }

    void trimmed(long entries) {
        trimmed.increment(entries);
    }

    void groupRecreated() {
        groupsRecreated.increment();
    }

    void streamState(long pendingEntries, long lagEntries) {
        pending.set(pendingEntries);
        lag.set(lagEntries);
    }
}
