package io.pushtech.kafidx.infra;

import io.pushtech.common.kafka.KafkaClientProperties;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * Builds the consumers of viewers: no group id (they assign and seek, so there is nothing to commit and no
 * group whose offsets could move), reading from the end by default, never creating a topic by asking for it.
 */
public final class ViewerConsumers {

    private final String bootstrap;

    public ViewerConsumers(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    public KafkaConsumer<String, byte[]> create(String clientId) {
        Properties props = KafkaClientProperties.consumer(bootstrap, "unused", clientId);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        return new KafkaConsumer<>(props);
    }
}
