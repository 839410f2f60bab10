package io.pushtech.tracker.infra.journal;

import static io.pushtech.tracker.infra.journal.JournalTestSupport.record;
import static io.pushtech.tracker.infra.journal.JournalTestSupport.texts;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class DiskJournalConcurrencyTest {

    private static final int WRITERS = 4;
    private static final int RECORDS_PER_WRITER = 600;

    @TempDir
    Path directory;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void appendsDuringADrainAreDrainedExactlyOnceInEachWritersOrder() throws Exception {
        // Given
        List<String> drained = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(WRITERS + 1);
        try (DiskJournal journal = DiskJournal.open(directory, 1024 * 1024, 2048)) {

            // When
            List<Future<?>> writers = IntStream.range(0, WRITERS)
                    .<Future<?>>mapToObj(writer -> threads.submit(() -> {
                        appendInBatchesOfOneToFour(journal, writer);
                        return null;
                    }))
                    .toList();
            Future<?> drainer = threads.submit(() -> {
                while (!writers.stream().allMatch(Future::isDone) || !journal.isEmpty()) {
                    journal.drain(7, batch -> drained.addAll(texts(batch)));
                }
                return null;
            });
            for (Future<?> writer : writers) {
                writer.get();
            }
            drainer.get();

            // Then
            assertThat(drained).hasSize(WRITERS * RECORDS_PER_WRITER);
            List<Integer> everyRecordInOrder =
                    IntStream.range(0, RECORDS_PER_WRITER).boxed().toList();
            assertThat(sequencesPerWriter(drained))
                    .hasSize(WRITERS)
                    .allSatisfy((writer, sequence) -> assertThat(sequence).isEqualTo(everyRecordInOrder));
            assertThat(journal.sizeBytes()).isZero();
        } finally {
            threads.shutdownNow();
        }
    }

    private static Map<String, List<Integer>> sequencesPerWriter(List<String> records) {
        Map<String, List<Integer>> perWriter = new HashMap<>();
        for (String record : records) {
            String[] parts = record.split(":");
            perWriter.computeIfAbsent(parts[0], writer -> new ArrayList<>()).add(Integer.parseInt(parts[1]));
        }
        return perWriter;
    }

    private static void appendInBatchesOfOneToFour(DiskJournal journal, int writer) throws Exception {
        int next = 0;
        while (next < RECORDS_PER_WRITER) {
            int count = Math.min(1 + next % 4, RECORDS_PER_WRITER - next);
            List<byte[]> batch = new ArrayList<>();
            for (int i = next; i < next + count; i++) {
                batch.add(record("w" + writer + ":" + i));
            }
            journal.append(batch);
            next += count;
        }
    }
}
