package io.pushtech.tracker.infra.journal;

import static io.pushtech.tracker.infra.journal.JournalTestSupport.drainAll;
import static io.pushtech.tracker.infra.journal.JournalTestSupport.lastSegment;
import static io.pushtech.tracker.infra.journal.JournalTestSupport.names;
import static io.pushtech.tracker.infra.journal.JournalTestSupport.record;
import static io.pushtech.tracker.infra.journal.JournalTestSupport.records;
import static io.pushtech.tracker.infra.journal.JournalTestSupport.segmentFiles;
import static io.pushtech.tracker.infra.journal.JournalTestSupport.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskJournalTest {

    private static final long MAX_BYTES = 1024 * 1024;

    @TempDir
    Path directory;

    private final List<DiskJournal> opened = new ArrayList<>();

    @AfterEach
    void closeJournals() throws IOException {
        for (DiskJournal journal : opened) {
            journal.close();
        }
    }

    @Test
    void drainHandsOutEveryAppendedRecordInOrder() throws Exception {
        // Given
        DiskJournal journal = open(MAX_BYTES, 64 * 1024);
        journal.append(records("a", 3));
        journal.append(records("b", 4));

        // When
        List<String> drained = drainAll(journal, 100);

        // Then
        assertThat(drained).containsExactly("a0", "a1", "a2", "b0", "b1", "b2", "b3");
        assertThat(journal.isEmpty()).isTrue();
        assertThat(journal.recordCount()).isZero();
    }

    @Test
    void drainHandsOutBatchesOfAtMostMaxBatch() throws Exception {
        // Given
        DiskJournal journal = open(MAX_BYTES, 64 * 1024);
        journal.append(records("r", 10));
        List<List<String>> batches = new ArrayList<>();

        // When
        long drained = journal.drain(4, batch -> batches.add(texts(batch)));

        // Then
        assertThat(drained).isEqualTo(10);
        assertThat(batches)
                .containsExactly(List.of("r0", "r1", "r2", "r3"), List.of("r4", "r5", "r6", "r7"), List.of("r8", "r9"));
    }

    @Test
    void drainOfEmptyJournalDoesNotCallTheSink() throws Exception {
        // Given
        DiskJournal journal = open(MAX_BYTES, 64 * 1024);
        List<List<byte[]>> batches = new ArrayList<>();

        // When
        long drained = journal.drain(10, batches::add);

        // Then
        assertThat(drained).isZero();
        assertThat(batches).isEmpty();
        assertThat(journal.isEmpty()).isTrue();
    }

    @Test
    void keepsEmptyRecords() throws Exception {
        // Given
        DiskJournal journal = open(MAX_BYTES, 64 * 1024);
        journal.append(List.of(new byte[0], record("x"), new byte[0]));

        // When
        List<String> drained = drainAll(journal, 10);

        // Then
        assertThat(drained).containsExactly("", "x", "");
    }

    @Test
    void keepsRecordsLargerThanTheReadBuffer() throws Exception {
        // Given
        DiskJournal journal = open(MAX_BYTES, 64 * 1024);
        byte[] large = new byte[200 * 1024];
        Arrays.fill(large, (byte) 7);
        journal.append(List.of(record("before"), large, record("after")));
        List<byte[]> drained = new ArrayList<>();

        // When
        journal.drain(10, drained::addAll);

        // Then
        assertThat(drained).hasSize(3);
        assertThat(drained.get(1)).isEqualTo(large);
        assertThat(texts(List.of(drained.get(0), drained.get(2)))).containsExactly("before", "after");
    }

    @Test
    void countsHeldRecordsAndBytesWithHeaders() throws Exception {
        // Given
        DiskJournal journal = open(MAX_BYTES, 64 * 1024);

        // When
        journal.append(List.of(record("abc"), record("de")));

        // Then
        assertThat(journal.recordCount()).isEqualTo(2);
        assertThat(journal.sizeBytes()).isEqualTo(2 * RecordFormat.HEADER_BYTES + 5);
        assertThat(journal.isEmpty()).isFalse();
    }

    @Test
    void sinkFailureStopsTheDrainAndKeepsTheFailedBatch() throws Exception {
        // Given
        DiskJournal journal = open(MAX_BYTES, 64 * 1024);
        journal.append(records("r", 5));
        List<String> accepted = new ArrayList<>();

        // When
        Throwable thrown = catchThrowable(() -> journal.drain(2, failingAfterFirstBatch(accepted)));

        // Then
        assertThat(thrown).hasMessage("redis down");
        assertThat(accepted).containsExactly("r0", "r1");
        assertThat(journal.recordCount()).isEqualTo(3);
    }

    @Test
    void nextDrainOffersTheBatchTheSinkFailedOnAgain() throws Exception {
        // Given
        DiskJournal journal = open(MAX_BYTES, 64 * 1024);
        journal.append(records("r", 5));
        catchThrowable(() -> journal.drain(2, failingAfterFirstBatch(new ArrayList<>())));

        // When
        List<String> redrained = drainAll(journal, 2);

        // Then
        assertThat(redrained).containsExactly("r2", "r3", "r4");
        assertThat(journal.isEmpty()).isTrue();
    }

    @Test
    void rejectsAppendBeyondTheLimitWritingNothingOfIt() throws Exception {
        // Given
        DiskJournal journal = open(100, 1024);
        journal.append(List.of(new byte[40]));
        long sizeBefore = journal.sizeBytes();

        // When / Then
        assertThatThrownBy(() -> journal.append(List.of(new byte[10], new byte[40])))
                .isInstanceOfSatisfying(JournalFullException.class, e -> {
                    assertThat(e.maxBytes()).isEqualTo(100);
                    assertThat(e.requestedBytes()).isEqualTo(66);
                });
        assertThat(journal.sizeBytes()).isEqualTo(sizeBefore);
        assertThat(Files.size(lastSegment(directory))).isEqualTo(sizeBefore);
        assertThat(journal.recordCount()).isEqualTo(1);
    }

    @Test
    void drainReclaimsSpaceSoAppendsSucceedAgain() throws Exception {
        // Given
        DiskJournal journal = open(100, 1024);
        journal.append(List.of(new byte[40], new byte[40]));
        drainAll(journal, 10);

        // When
        journal.append(List.of(new byte[40], new byte[40]));

        // Then
        assertThat(journal.recordCount()).isEqualTo(2);
        assertThat(journal.sizeBytes()).isEqualTo(96);
    }

    @Test
    void rollsOverSegmentsAndDeletesThemOnceDrained() throws Exception {
        // Given
        DiskJournal journal = open(MAX_BYTES, 1024);
        for (int i = 0; i < 500; i++) {
            journal.append(List.of(record("r" + i)));
        }
        int segmentsBeforeDrain = segmentFiles(directory).size();

        // When
        List<String> drained = drainAll(journal, 64);

        // Then
        assertThat(segmentsBeforeDrain).isGreaterThan(3);
        assertThat(drained).isEqualTo(names("r", 500));
        assertThat(segmentFiles(directory)).hasSize(1);
        assertThat(journal.sizeBytes()).isZero();
    }

    @Test
    void takesAnAppendLargerThanASegmentInASegmentOfItsOwn() throws Exception {
        // Given
        DiskJournal journal = open(MAX_BYTES, 64);
        journal.append(List.of(record("small")));

        // When
        journal.append(List.of(new byte[500]));

        // Then
        assertThat(segmentFiles(directory)).hasSize(2);
        assertThat(drainAll(journal, 10)).hasSize(2);
    }

    @Test
    void opensInADirectoryItCreates() throws Exception {
        // Given
        Path nested = directory.resolve("spool/journal");

        // When
        try (DiskJournal journal = DiskJournal.open(nested, MAX_BYTES)) {

            // Then
            assertThat(journal.isEmpty()).isTrue();
            assertThat(segmentFiles(nested)).hasSize(1);
        }
    }

    @Test
    void refusesASecondOpenOfTheSameDirectory() throws Exception {
        // Given
        open(MAX_BYTES, 1024);

        // When / Then
        assertThatThrownBy(() -> DiskJournal.open(directory, MAX_BYTES)).hasMessageContaining("already open");
    }

    @Test
    void refusesAppendsAfterClose() throws Exception {
        // Given
        DiskJournal journal = DiskJournal.open(directory, MAX_BYTES);
        journal.close();

        // When / Then
        assertThatThrownBy(() -> journal.append(List.of(record("late")))).isInstanceOf(IOException.class);
    }

    private static BatchSink failingAfterFirstBatch(List<String> accepted) {
        return batch -> {
            if (!accepted.isEmpty()) {
                throw new IllegalStateException("redis down");
            }
            accepted.addAll(texts(batch));
        };
    }

    private DiskJournal open(long maxBytes, long segmentBytes) throws IOException {
        DiskJournal journal = DiskJournal.open(directory, maxBytes, segmentBytes);
        opened.add(journal);
        return journal;
    }
}
