package io.pushtech.kafkastore;

import static org.assertj.core.api.Assertions.assertThat;

import io.pushtech.common.Json;
import io.pushtech.common.Streams;
import io.pushtech.common.event.TrackingEvent;
import io.pushtech.kafkastore.domain.Enricher;
import io.pushtech.kafkastore.domain.EventTranslator;
import io.pushtech.kafkastore.domain.GeoLocator;
import io.pushtech.kafkastore.domain.GeoStep;
import io.pushtech.kafkastore.domain.IpAnonymizer;
import io.pushtech.kafkastore.domain.OutgoingRecord;
import io.pushtech.kafkastore.domain.PropertyFilter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.resps.StreamEntry;

class ParallelTranslationTest {

    private final EventTranslator translator = new EventTranslator(new Enricher(
            new GeoStep(GeoLocator.none(), 10),
            Optional.empty(),
            new IpAnonymizer(24, 48),
            new PropertyFilter(Set.of(), PropertyFilter.Action.DROP)));
    private final ExecutorService workers = Executors.newFixedThreadPool(3);

    @AfterEach
    void stopWorkers() {
        workers.shutdownNow();
    }

    @Test
    void recordsComeOutInStreamOrderWhateverThreadTranslatedThem() throws Exception {
        // Given: entries of one to three events, and one unreadable entry in the middle
        List<StreamEntry> entries = new ArrayList<>();
        IntStream.range(0, 101).forEach(i -> entries.add(entry(i, i == 50 ? "{broken" : events(i, 1 + i % 3))));

        // When
        List<OutgoingRecord> parallel = new ParallelTranslation(translator, workers, 4).translate(entries);

        // Then
        List<OutgoingRecord> sequential = new ArrayList<>();
        entries.forEach(e -> sequential.addAll(translator.translate(e.getID().toString(), e.getFields())));
        assertThat(parallel).hasSize(sequential.size()).hasSizeGreaterThan(150);
        assertThat(parallel)
                .extracting(OutgoingRecord::topic, OutgoingRecord::key, r -> new String(r.value()))
                .containsExactlyElementsOf(sequential.stream()
                        .map(r -> org.assertj.core.groups.Tuple.tuple(r.topic(), r.key(), new String(r.value())))
                        .toList());
    }

    @Test
    void fewerEntriesThanThreadsAreStillAllTranslated() throws Exception {
        // When
        List<OutgoingRecord> records =
                new ParallelTranslation(translator, workers, 4).translate(List.of(entry(1, events(1, 2))));

        // Then
        assertThat(records).extracting(OutgoingRecord::key).containsExactly("device-1-0", "device-1-1");
    }

    private static StreamEntry entry(int sequence, String events) {
        return new StreamEntry(new StreamEntryID(1, sequence), Map.of(Streams.EVENTS_FIELD, events));
    }

    private static String events(int entry, int count) {
        Instant now = Instant.parse("2026-11-24T10:00:00Z");
        return Json.toText(IntStream.range(0, count)
                .mapToObj(i -> new TrackingEvent(
                        "id-" + entry + "-" + i,
                        "view",
                        now,
                        now,
                        "device-" + entry + "-" + i,
                        null,
                        null,
                        null,
                        null,
                        Map.of(),
                        null,
                        null))
                .toList());
    }
}
