package io.pushtech.tracker.infra.journal;

import static io.pushtech.tracker.infra.journal.JournalTestSupport.drainAll;
import static io.pushtech.tracker.infra.journal.JournalTestSupport.lastSegment;
import static io.pushtech.tracker.infra.journal.JournalTestSupport.names;
import static io.pushtech.tracker.infra.journal.JournalTestSupport.record;
import static io.pushtech.tracker.infra.journal.JournalTestSupport.records;
import static io.pushtech.tracker.infra.journal.JournalTestSupport.segmentFiles;
import static io.pushtech.tracker.infra.journal.JournalTestSupport.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskJournalRecoveryTest {

    private static final long MAX_BYTES = 1024 * 1024;

    @TempDir
    Path directory;

    @Test
    void recordsSurviveCloseAndReopen() throws Exception {
        // Given
        try (DiskJournal journal = DiskJournal.open(directory, MAX_BYTES, 256)) {
            journal.append(records("r", 40));
        }

        // When
        try (DiskJournal reopened = DiskJournal.open(directory, MAX_BYTES, 256)) {

            // Then
            assertThat(reopened.recordCount()).isEqualTo(40);
            assertThat(drainAll(reopened, 7)).isEqualTo(names("r", 40));
        }
    }

    @Test
    void replaysRecordsSpanningManyReadBuffersAfterReopen() throws Exception {
        // Given
        List<String> expected = new ArrayList<>();
        try (DiskJournal journal = DiskJournal.open(directory, MAX_BYTES * 8)) {
            for (int i = 0; i < 20; i++) {
                List<byte[]> batch = records(i + "-" + "x".repeat(100) + "-", 100);
                expected.addAll(texts(batch));
                journal.append(batch);
            }
        }

        // When
        try (DiskJournal reopened = DiskJournal.open(directory, MAX_BYTES * 8)) {

            // Then
            assertThat(reopened.recordCount()).isEqualTo(2000);
            assertThat(drainAll(reopened, 300)).isEqualTo(expected);
        }
    }

    @Test
    void drainedRecordsAreNotOfferedAgainAfterReopen() throws Exception {
        // Given
        try (DiskJournal journal = DiskJournal.open(directory, MAX_BYTES, 256)) {
            journal.append(records("r", 30));
            catchThrowable(() -> journal.drain(10, batch -> {
                if (batch.get(0)[1] == '2') {
                    throw new IOException("redis down");
                }
            }));
        }

        // When
        try (DiskJournal reopened = DiskJournal.open(directory, MAX_BYTES, 256)) {

            // Then
            assertThat(drainAll(reopened, 100)).isEqualTo(names("r", 30).subList(20, 30));
        }
    }

    @Test
    void tornTailRecordIsCutOffKeepingTheCompleteRecordsBeforeIt() throws Exception {
        // Given
        appendEachAndClose("a", "b", "c");
        Path segment = lastSegment(directory);
        truncate(segment, Files.size(segment) - 2);

        // When
        try (DiskJournal reopened = DiskJournal.open(directory, MAX_BYTES)) {

            // Then
            assertThat(reopened.recordCount()).isEqualTo(2);
            assertThat(drainAll(reopened, 10)).containsExactly("a", "b");
        }
    }

    @Test
    void tornHeaderIsCutOff() throws Exception {
        // Given
        appendEachAndClose("a", "b");
        truncate(lastSegment(directory), RecordFormat.HEADER_BYTES + 1 + 3);

        // When
        try (DiskJournal reopened = DiskJournal.open(directory, MAX_BYTES)) {

            // Then
            assertThat(drainAll(reopened, 10)).containsExactly("a");
        }
    }

    @Test
    void garbageAfterTheLastRecordIsCutOffAndAppendsFollowTheKeptRecords() throws Exception {
        // Given
        appendEachAndClose("a", "b");
        Path segment = lastSegment(directory);
        long intactSize = Files.size(segment);
        Files.write(segment, new byte[] {0, 0, 0, 3, 1, 2, 3, 4, 'x', 'y', 'z'}, StandardOpenOption.APPEND);

        // When
        try (DiskJournal reopened = DiskJournal.open(directory, MAX_BYTES)) {
            reopened.append(List.of(record("c")));

            // Then
            assertThat(Files.size(segment)).isEqualTo(intactSize + RecordFormat.HEADER_BYTES + 1);
            assertThat(drainAll(reopened, 10)).containsExactly("a", "b", "c");
        }
    }

    @Test
    void zeroFilledTailIsCutOff() throws Exception {
        // Given
        appendEachAndClose("a");
        Files.write(lastSegment(directory), new byte[64], StandardOpenOption.APPEND);

        // When
        try (DiskJournal reopened = DiskJournal.open(directory, MAX_BYTES)) {

            // Then
            assertThat(drainAll(reopened, 10)).containsExactly("a");
        }
    }

    @Test
    void recordWithAFlippedPayloadByteIsCutOff() throws Exception {
        // Given
        appendEachAndClose("a", "bb");
        Path segment = lastSegment(directory);
        overwrite(segment, Files.size(segment) - 1, (byte) 'X');

        // When
        try (DiskJournal reopened = DiskJournal.open(directory, MAX_BYTES)) {

            // Then
            assertThat(drainAll(reopened, 10)).containsExactly("a");
        }
    }

    @Test
    void tornCheckpointWriteOffersOnlyTheLastDrainedBatchAgain() throws Exception {
        // Given
        try (DiskJournal journal = DiskJournal.open(directory, MAX_BYTES)) {
            journal.append(records("r", 9));
            catchThrowable(() -> journal.drain(3, batch -> {
                if (batch.get(0)[1] == '6') {
                    throw new IOException("redis down");
                }
            }));
        }
        // two batches were checkpointed: the first in slot 1, the second in slot 0, whose offset field is now torn
        overwrite(directory.resolve(Checkpoint.FILE_NAME), 20, (byte) 0x55);

        // When
        try (DiskJournal reopened = DiskJournal.open(directory, MAX_BYTES)) {

            // Then
            assertThat(drainAll(reopened, 10)).containsExactly("r3", "r4", "r5", "r6", "r7", "r8");
        }
    }

    @Test
    void deletesSegmentsLeftBehindBeforeTheCheckpoint() throws Exception {
        // Given
        try (DiskJournal journal = DiskJournal.open(directory, MAX_BYTES, 64)) {
            journal.append(records("r", 20));
            journal.append(records("s", 1));
        }
        Path drainedSegment = segmentFiles(directory).get(0);
        byte[] leftBehind = Files.readAllBytes(drainedSegment);
        try (DiskJournal journal = DiskJournal.open(directory, MAX_BYTES, 64)) {
            journal.drain(100, batch -> {});
        }
        Files.write(drainedSegment, leftBehind);

        // When
        try (DiskJournal reopened = DiskJournal.open(directory, MAX_BYTES, 64)) {

            // Then
            assertThat(Files.exists(drainedSegment)).isFalse();
            assertThat(reopened.isEmpty()).isTrue();
            assertThat(reopened.sizeBytes()).isZero();
        }
    }

    private void appendEachAndClose(String... texts) throws IOException {
        try (DiskJournal journal = DiskJournal.open(directory, MAX_BYTES)) {
            for (String text : texts) {
                journal.append(List.of(record(text)));
            }
        }
    }

    private static void truncate(Path file, long size) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(size);
        }
    }

    private static void overwrite(Path file, long offset, byte value) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(new byte[] {value}), offset);
        }
    }
}
