package io.pushtech.tracker.infra.journal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/** Records and file helpers shared by the journal tests. */
final class JournalTestSupport {

    private JournalTestSupport() {}

    static byte[] record(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static List<byte[]> records(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> record(prefix + i)).toList();
    }

    static List<String> texts(List<byte[]> records) {
        return records.stream()
                .map(record -> new String(record, StandardCharsets.UTF_8))
                .toList();
    }

    static List<String> names(String prefix, int count) {
        return texts(records(prefix, count));
    }

    /** Drains everything, returning the records as text in the order the sink saw them. */
    static List<String> drainAll(DiskJournal journal, int maxBatch) throws Exception {
        List<String> drained = new ArrayList<>();
        journal.drain(maxBatch, batch -> drained.addAll(texts(batch)));
        return drained;
    }

    static List<Path> segmentFiles(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".seg"))
                    .sorted()
                    .toList();
        }
    }

    static Path lastSegment(Path directory) throws IOException {
        List<Path> segments = segmentFiles(directory);
        return segments.get(segments.size() - 1);
    }
}
