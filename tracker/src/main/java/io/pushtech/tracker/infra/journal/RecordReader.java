package io.pushtech.tracker.infra.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Optional;

/**
 * Reads consecutive records of one segment, up to a limit, through a buffer: replaying a long journal then costs one
 * read per 64 KiB rather than two per record. Used by one thread at a time.
 */
final class RecordReader {

    private static final int BUFFER_BYTES = 64 * 1024;

    private final FileChannel channel;
    private final long limit;
    private ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES).limit(0);
    private long bufferStart;

    RecordReader(FileChannel channel, long limit) {
        this.channel = channel;
        this.limit = limit;
    }

    /**
     * Reads the record at {@code offset}, or returns empty when the bytes up to the limit do not hold a complete record
     * with a matching checksum there.
     */
    Optional<byte[]> read(long offset) throws IOException {
        if (limit - offset < RecordFormat.HEADER_BYTES) {
            return Optional.empty();
        }
        load(offset, RecordFormat.HEADER_BYTES);
        int position = (int) (offset - bufferStart);
        int length = buffer.getInt(position);
        int crc = buffer.getInt(position + Integer.BYTES);
        if (length < 0 || length > limit - offset - RecordFormat.HEADER_BYTES) {
            return Optional.empty();
        }
        load(offset, RecordFormat.HEADER_BYTES + length);
        int payloadStart = (int) (offset - bufferStart) + RecordFormat.HEADER_BYTES;
        byte[] payload = new byte[length];
        buffer.get(payloadStart, payload);
        return RecordFormat.checksum(length, payload) == crc ? Optional.of(payload) : Optional.empty();
    }

    /** Makes the buffer hold the {@code length} bytes at {@code offset}, which lie before the limit. */
    private void load(long offset, int length) throws IOException {
        if (offset >= bufferStart && offset + length <= bufferStart + buffer.limit()) {
            return;
        }
        if (buffer.capacity() < length) {
            buffer = ByteBuffer.allocate(length);
        }
        buffer.clear().limit((int) Math.min(buffer.capacity(), limit - offset));
        bufferStart = offset;
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, offset + buffer.position()) < 0) {
                throw new IOException("segment ended before its known size at offset " + offset);
            }
        }
        buffer.flip();
    }
}
