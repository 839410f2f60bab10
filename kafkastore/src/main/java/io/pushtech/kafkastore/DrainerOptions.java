package io.pushtech.kafkastore;

import java.time.Duration;

/**
 * How a drainer reads and hands on its stream.
 *
 * @param batchSize entries read per {@code XREADGROUP}
 * @param maxInFlightBatches batches sent to Kafka and not acknowledged yet, at most (bounds memory and duplicates)
 * @param claimIdle how long an entry stays pending with another consumer before this one takes it over
 * @param inFlightTimeout how long to wait for batches in flight after a failure or at shutdown
 * @param enrichThreads threads that enrich a batch together
 */
record DrainerOptions(
        int batchSize, int maxInFlightBatches, Duration claimIdle, Duration inFlightTimeout, int enrichThreads) {}
