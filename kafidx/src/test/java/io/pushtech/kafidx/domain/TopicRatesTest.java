package io.pushtech.kafidx.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TopicRatesTest {

    @Test
    void rateIsTheGrowthOfEndOffsetsPerSecond() {
        // Given
        TopicRates rates = new TopicRates();
        for (int second = 0; second <= 10; second++) {
            rates.sample("events", second * 1000L, second * 20L);
        }

        // When
        TopicRates.Rate rate = rates.snapshot().get("events");

        // Then
        assertThat(rate.perSecond()).isCloseTo(20.0, within(1e-9));
        assertThat(rate.history()).containsExactly(20.0, 20.0);
    }

    @Test
    void historyKeepsTheLastFiveMinutesInFiveSecondBuckets() {
        // Given
        TopicRates rates = new TopicRates();
        long offsets = 0;
        for (int second = 0; second <= 600; second++) {
            offsets += second < 590 ? 1 : 11;
            rates.sample("events", second * 1000L, offsets);
        }

        // When
        TopicRates.Rate rate = rates.snapshot().get("events");

        // Then
        assertThat(rate.history()).hasSize(TopicRates.HISTORY_BUCKETS);
        assertThat(rate.history().get(0)).isEqualTo(1.0);
        assertThat(rate.history().get(TopicRates.HISTORY_BUCKETS - 1)).isEqualTo(11.0);
        assertThat(rate.perSecond()).isEqualTo(11.0);
    }

    @Test
    void aTopicSampledOnceHasNoRateYet() {
        // Given
        TopicRates rates = new TopicRates();
        rates.sample("matches", 0, 1234);

        // When
        TopicRates.Rate rate = rates.snapshot().get("matches");

        // Then
        assertThat(rate.perSecond()).isZero();
        assertThat(rate.history()).isEmpty();
    }
}
