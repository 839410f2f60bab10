package io.pushtech.tracker.infra.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One segment file, named by its zero-padded id, with the bytes it holds and how many of them are known durable. Its
 * fields are guarded by {@link SegmentLog}'s lock; positional reads of its channel are safe from any thread.
 */
final class Segment {

    private static final Logger LOGGER = LoggerFactory.getLogger(Segment.class);
    private static final Pattern FILE_NAME = Pattern.compile("(\\d{20})\\.seg");

    final long id;
    final Path path;
    final FileChannel channel;
    long size;
    long durableSize;

    private Segment(long id, Path path, FileChannel channel, long size) {
        this.id = id;
        this.path = path;
        this.channel = channel;
        this.size = size;
        this.durableSize = size;
    }

    static Segment create(Path directory, long id) throws IOException {
        Path path = directory.resolve(fileName(id));
        FileChannel channel = FileChannel.open(
                path, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE);
        syncDirectory(directory);
        return new Segment(id, path, channel, 0);
    }

    static Segment open(Path directory, long id) throws IOException {
        Path path = directory.resolve(fileName(id));
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
        return new Segment(id, path, channel, channel.size());
    }

    /** The ids of the segment files in the directory, oldest first. */
    static List<Long> ids(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> FILE_NAME.matcher(file.getFileName().toString()))
                    .filter(Matcher::matches)
                    .map(match -> Long.parseLong(match.group(1)))
                    .sorted()
                    .toList();
        }
    }

    static String fileName(long id) {
        return String.format("%020d.seg", id);
    }

    /** Makes a created or deleted file name durable; file systems that cannot sync a directory are left as they are. */
    static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            LOGGER.atDebug().addKeyValue("directory", directory).setCause(e).log("cannot sync journal directory");
        }
    }

    void truncate(long newSize) throws IOException {
        channel.truncate(newSize);
        channel.force(true);
        size = newSize;
        durableSize = newSize;
    }

    void delete() throws IOException {
        channel.close();
        Files.deleteIfExists(path);
    }
}
