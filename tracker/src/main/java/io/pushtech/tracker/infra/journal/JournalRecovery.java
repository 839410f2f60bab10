package io.pushtech.tracker.infra.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the journal's state at open: deletes the segments the checkpoint says were drained, checks every record
 * after the checkpoint and cuts a segment at its first incomplete or corrupt record (a crash mid-append). Runs once, on
 * the opening thread.
 */
final class JournalRecovery {

    private static final Logger LOGGER = LoggerFactory.getLogger(JournalRecovery.class);

    record Recovered(List<Segment> segments, JournalPosition drainPosition, long records) {}

    private JournalRecovery() {}

    static Recovered recover(Path directory, Optional<JournalPosition> checkpoint) throws IOException {
        long drainedBefore = checkpoint.map(JournalPosition::segmentId).orElse(0L);
        List<Long> ids = new ArrayList<>();
        for (long id : Segment.ids(directory)) {
            if (id < drainedBefore) {
                Files.deleteIfExists(directory.resolve(Segment.fileName(id)));
            } else {
                ids.add(id);
            }
        }
        if (ids.isEmpty()) {
            Segment first = Segment.create(directory, Math.max(1, drainedBefore));
            return new Recovered(List.of(first), new JournalPosition(first.id, 0), 0);
        }
        List<Segment> segments = new ArrayList<>();
        JournalPosition position = new JournalPosition(ids.get(0), 0);
        long records = 0;
        try {
            for (long id : ids) {
                Segment segment = Segment.open(directory, id);
                segments.add(segment);
                long start = 0;
                if (checkpoint.isPresent() && id == checkpoint.get().segmentId()) {
                    start = Math.min(checkpoint.get().offset(), segment.size);
                    position = new JournalPosition(id, start);
                }
                records += scan(segment, start);
            }
            // records a crashed process wrote but did not fsync must be durable before a drain can checkpoint past them
            segments.get(segments.size() - 1).channel.force(false);
        } catch (IOException | RuntimeException e) {
            for (Segment segment : segments) {
                segment.channel.close();
            }
            throw e;
        }
        return new Recovered(segments, position, records);
    }

    /** Counts the intact records from {@code start} and cuts the segment after the last of them. */
    private static long scan(Segment segment, long start) throws IOException {
        long offset = start;
        long records = 0;
        RecordReader reader = new RecordReader(segment.channel, segment.size);
        while (offset < segment.size) {
            Optional<byte[]> record = reader.read(offset);
            if (record.isEmpty()) {
                LOGGER.atWarn()
                        .addKeyValue("segment", segment.path)
                        .addKeyValue("offset", offset)
                        .addKeyValue("bytesCut", segment.size - offset)
                        .log("journal segment ends in a torn or corrupt record, cutting it off");
                segment.truncate(offset);
                break;
            }
            offset = RecordFormat.end(offset, record.get());
            records++;
        }
        return records;
    }
}
