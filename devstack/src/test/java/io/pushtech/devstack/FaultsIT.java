package io.pushtech.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.pushtech.devstack.junit.TestNamespace;
import io.pushtech.devstack.junit.WithDevStack;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.resps.StreamEntry;

/** Stops and kills parts of the shared stack; every test leaves them running again. */
@WithDevStack
class FaultsIT {

    private final DevStack stack;
    private final TestNamespace namespace;

    FaultsIT(DevStack stack, TestNamespace namespace) {
        this.stack = stack;
        this.namespace = namespace;
    }

    @AfterEach
    void leaveThePartsRunning() {
        stack.kafka().start();
        stack.redis().start();
    }

    @Test
    void kafkaServesItsRecordsAgainAfterStopAndStart() throws Exception {
        // Given
        String topic = namespace.value() + ".stopped";
        send(topic, "before-stop");
        stack.kafka().stop();

        // When
        stack.kafka().start();

        // Then
        send(topic, "after-start");
        assertThat(KafkaClients.readAll(stack, topic, 2))
                .extracting(ConsumerRecord::value)
                .containsExactlyInAnyOrder("before-stop", "after-start");
    }

    @Test
    void kafkaServesItsRecordsAgainAfterKillAndStart() throws Exception {
        // Given
        String topic = namespace.value() + ".killed";
        send(topic, "before-kill");
        stack.kafka().kill();

        // When
        stack.kafka().start();

        // Then
        send(topic, "after-start");
        assertThat(KafkaClients.readAll(stack, topic, 2))
                .extracting(ConsumerRecord::value)
                .containsExactlyInAnyOrder("before-kill", "after-start");
    }

    @Test
    void stoppedAndKilledPartsReportThatTheyAreNotRunning() {
        // Given
        stack.kafka().stop();

        // When
        stack.redis().kill();

        // Then
        assertThat(stack.kafka().isRunning()).isFalse();
        assertThat(stack.redis().isRunning()).isFalse();
        assertThat(FreePorts.accepts(stack.redis().port())).isFalse();
        assertThat(FreePorts.accepts(stack.kafka().port())).isFalse();
    }

    @Test
    void startingARunningPartDoesNothing() {
        // Given
        long kafkaPid = stack.kafka().pid().orElseThrow();
        long redisPid = stack.redis().pid().orElseThrow();

        // When
        stack.kafka().start();
        stack.redis().start();

        // Then
        assertThat(stack.kafka().pid()).contains(kafkaPid);
        assertThat(stack.redis().pid()).contains(redisPid);
    }

    @Test
    void redisKeepsStreamEntriesWrittenASecondBeforeAKill() throws Exception {
        // Given
        String key = namespace.value() + ":survivors";
        try (JedisPooled redis = new JedisPooled(stack.redisUrl())) {
            redis.xadd(key, StreamEntryID.NEW_ENTRY, Map.of("n", "1"));
            redis.xadd(key, StreamEntryID.NEW_ENTRY, Map.of("n", "2"));
        }
        // appendfsync everysec: entries older than a second are on disk, not only in the page cache.
        TimeUnit.MILLISECONDS.sleep(1_500);
        stack.redis().kill();

        // When
        stack.redis().start();

        // Then
        try (JedisPooled redis = new JedisPooled(stack.redisUrl())) {
            List<StreamEntry> entries = redis.xrange(key, (StreamEntryID) null, (StreamEntryID) null);
            assertThat(entries).extracting(entry -> entry.getFields().get("n")).containsExactly("1", "2");
        }
    }

    private void send(String topic, String value) throws Exception {
        try (KafkaProducer<String, String> producer = KafkaClients.producer(stack)) {
            producer.send(new ProducerRecord<>(topic, value)).get(60, TimeUnit.SECONDS);
        }
    }
}
