package io.pushtech.tracker.infra.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.zip.CRC32C;

/**
 * The fsync'd "drained up to" position, kept in two checksummed slots written alternately so that a torn write can only
 * damage the slot being written and the previous position survives. Its file lock keeps a second process out of the
 * directory. Written by the draining thread only.
 */
final class Checkpoint implements AutoCloseable {

    static final String FILE_NAME = "checkpoint";
    // [sequence:long][segmentId:long][offset:long][crc32c:int][unused:int]
    private static final int SLOT_BYTES = 32;
    private static final int CHECKED_BYTES = 24;

    private final FileChannel channel;
    private long sequence;
    private Optional<JournalPosition> position = Optional.empty();

    private Checkpoint(FileChannel channel) {
        this.channel = channel;
    }

    static Checkpoint open(Path directory) throws IOException {
        Path path = directory.resolve(FILE_NAME);
        boolean created = !Files.exists(path);
        FileChannel channel =
                FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        Checkpoint checkpoint = new Checkpoint(channel);
        try {
            checkpoint.lock(directory);
            checkpoint.readSlot(0);
            checkpoint.readSlot(1);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (created) {
            Segment.syncDirectory(directory);
        }
        return checkpoint;
    }

    /** The last position written, or empty when nothing was ever drained. */
    Optional<JournalPosition> position() {
        return position;
    }

    void write(JournalPosition next) throws IOException {
        long nextSequence = sequence + 1;
        ByteBuffer slot = ByteBuffer.allocate(SLOT_BYTES)
                .putLong(nextSequence)
                .putLong(next.segmentId())
                .putLong(next.offset());
        slot.putInt(checksum(slot.array())).putInt(0).flip();
        long offset = (nextSequence % 2) * SLOT_BYTES;
        while (slot.hasRemaining()) {
            channel.write(slot, offset + slot.position());
        }
        channel.force(false);
        sequence = nextSequence;
        position = Optional.of(next);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private void lock(Path directory) throws IOException {
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            throw new IOException("journal directory " + directory + " is already open");
        }
    }

    private void readSlot(int index) throws IOException {
        ByteBuffer slot = ByteBuffer.allocate(SLOT_BYTES);
        while (slot.hasRemaining()) {
            if (channel.read(slot, (long) index * SLOT_BYTES + slot.position()) < 0) {
                return;
            }
        }
        slot.flip();
        long slotSequence = slot.getLong();
        long segmentId = slot.getLong();
        long offset = slot.getLong();
        if (slot.getInt() == checksum(slot.array()) && slotSequence > sequence) {
            sequence = slotSequence;
            position = Optional.of(new JournalPosition(segmentId, offset));
        }
    }

    private static int checksum(byte[] slot) {
        CRC32C crc = new CRC32C();
        crc.update(slot, 0, CHECKED_BYTES);
        return (int) crc.getValue();
    }
}
