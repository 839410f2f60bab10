package io.pushtech.notifications;

import static io.pushtech.notifications.TestPlatform.started;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pushtech.common.kafka.KafkaClientProperties;
import io.pushtech.devstack.DevStack;
import io.pushtech.devstack.junit.TestNamespace;
import io.pushtech.devstack.junit.WithDevStack;
import io.pushtech.notifications.infra.LiveEvents;
import io.pushtech.notifications.infra.LiveEvents.LiveEvent;
import io.pushtech.notifications.infra.LiveFeed;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/** The website channel's reader follows the {@code matches} topic when partitions are added to it. */
@WithDevStack
class LiveFeedIT {

    @Test
    void matchOnAPartitionAddedAfterTheStartReachesItsUsers(DevStack stack, TestNamespace namespace) throws Exception {
        String topic = namespace.value() + ".matches-grown";
        try (Admin admin = Admin.create(KafkaClientProperties.admin(stack.kafkaBootstrap(), "it"));
                KafkaProducer<String, byte[]> producer =
                        new KafkaProducer<>(KafkaClientProperties.producer(stack.kafkaBootstrap(), "it"))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
            Properties properties =
                    KafkaClientProperties.consumer(stack.kafkaBootstrap(), namespace.value() + "-live", "it-live");
            properties.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 200);
            LiveEvents events = new LiveEvents(10, 100);
            List<LiveEvent> received = new CopyOnWriteArrayList<>();
            events.subscribe("searcher", Optional.empty(), received::add);
            LiveFeed feed = new LiveFeed(
                    new KafkaConsumer<>(properties),
                    topic,
                    events,
                    Duration.ofMinutes(5),
                    Clock.systemUTC(),
                    Duration.ofMillis(200));
            Thread reader = new Thread(feed, "live-feed-it");
            reader.start();
            try {
                // Given: the feed reads the one partition the topic had at its start
                send(producer, topic, 0, "s0");
                await().atMost(Duration.ofSeconds(60)).until(() -> received.size() == 1);

                // When
                admin.createPartitions(Map.of(topic, NewPartitions.increaseTo(2)))
                        .all()
                        .get();
                send(producer, topic, 1, "s1");

                // Then
                await().atMost(Duration.ofSeconds(60)).until(() -> received.size() == 2);
                assertThat(received).extracting(LiveEvent::id).containsExactly("0-0", "1-0");
                assertThat(received.get(1).json()).contains("\"searchId\":\"s1\"");
            } finally {
                feed.stop();
                reader.join(10_000);
            }
        }
    }

    private static void send(KafkaProducer<String, byte[]> producer, String topic, int partition, String searchId)
            throws Exception {
        byte[] value = started(searchId, "o-" + searchId, "searcher", "offerer", 1)
                .encode()
                .getBytes(StandardCharsets.UTF_8);
        producer.send(new ProducerRecord<>(topic, partition, searchId + "|o-" + searchId, value))
                .get();
    }
}
