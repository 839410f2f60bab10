package io.pushtech.kafidx.infra;

import io.pushtech.common.Namespace;
import io.pushtech.kafidx.domain.TopicRates;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Samples the end offsets of the watched topics once a second, on its own thread, into {@link TopicRates}: the
 * growth of a topic's end offsets is its rate, whoever reads it. Topics that do not exist yet are skipped.
 */
public final class OffsetSampler implements AutoCloseable {

    private static final Logger LOGGER = LoggerFactory.getLogger(OffsetSampler.class);
    private static final long TIMEOUT_SECONDS = 5;

    private final Admin admin;
    private final Namespace namespace;
    private final List<String> topics;
    private final TopicRates rates;
    private final Clock clock;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "kafidx-rates");
        thread.setDaemon(true);
        return thread;
    });

    public OffsetSampler(Admin admin, Namespace namespace, List<String> topics, TopicRates rates, Clock clock) {
        this.admin = admin;
        this.namespace = namespace;
        this.topics = List.copyOf(topics);
        this.rates = rates;
        this.clock = clock;
    }

    public void start() {
        executor.scheduleAtFixedRate(this::sampleQuietly, 0, 1, TimeUnit.SECONDS);
    }

    private void sampleQuietly() {
        try {
            sample();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            LOGGER.atDebug().addKeyValue("error", e.toString()).log("sampling topic offsets failed");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void sample() throws ExecutionException, InterruptedException, TimeoutException {
        Map<String, KafkaFuture<TopicDescription>> described = admin.describeTopics(
                        topics.stream().map(namespace::topic).toList())
                .topicNameValues();
        Map<TopicPartition, OffsetSpec> query = new HashMap<>();
        Map<String, String> plain = new HashMap<>();
        for (String topic : topics) {
            String qualified = namespace.topic(topic);
            try {
                TopicDescription description = described.get(qualified).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                description
                        .partitions()
                        .forEach(p -> query.put(new TopicPartition(qualified, p.partition()), OffsetSpec.latest()));
                plain.put(qualified, topic);
            } catch (ExecutionException missing) {
                // not created yet: no rate until it is
            }
        }
        long now = clock.millis();
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> offsets =
                admin.listOffsets(query).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Map<String, Long> sums = new HashMap<>();
        offsets.forEach((partition, info) -> sums.merge(partition.topic(), info.offset(), Long::sum));
        sums.forEach((qualified, sum) -> rates.sample(plain.get(qualified), now, sum));
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
