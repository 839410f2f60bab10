package io.pushtech.notifications.infra;

import org.apache.kafka.common.TopicPartition;

/** The {@code matches} record a piece of work answers for: its offset is committed once the work is done. */
record Ticket(TopicPartition partition, long offset) {}
