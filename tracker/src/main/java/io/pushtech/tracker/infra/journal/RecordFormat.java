package io.pushtech.tracker.infra.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32C;

/**
 * The on-disk record layout {@code [length:int][crc32c:int][payload]}, big-endian. The checksum covers the length bytes
 * and the payload, so neither a torn write nor a zero-filled tail passes as a record. Stateless; any thread.
 */
final class RecordFormat {

    static final int HEADER_BYTES = 8;

    private RecordFormat() {}

    static long encodedSize(List<byte[]> records) {
        long size = 0;
        for (byte[] record : records) {
            size += HEADER_BYTES + record.length;
        }
        return size;
    }

    static ByteBuffer encode(List<byte[]> records, long size) {
        if (size > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("one append may take at most " + Integer.MAX_VALUE + " bytes");
        }
        ByteBuffer buffer = ByteBuffer.allocate((int) size);
        for (byte[] record : records) {
            buffer.putInt(record.length).putInt(checksum(record.length, record)).put(record);
        }
        return buffer.flip();
    }

    /**
     * Reads the record at {@code offset}, or returns empty when the bytes up to {@code limit} do not hold a complete
     * record with a matching checksum there.
     */
    static Optional<byte[]> read(FileChannel channel, long offset, long limit) throws IOException {
        if (limit - offset < HEADER_BYTES) {
            return Optional.empty();
        }
        ByteBuffer header = readFully(channel, offset, HEADER_BYTES);
        int length = header.getInt();
        int crc = header.getInt();
        if (length < 0 || length > limit - offset - HEADER_BYTES) {
            return Optional.empty();
        }
        byte[] payload = readFully(channel, offset + HEADER_BYTES, length).array();
        return checksum(length, payload) == crc ? Optional.of(payload) : Optional.empty();
    }

    static long end(long offset, byte[] record) {
        return offset + HEADER_BYTES + record.length;
    }

    private static int checksum(int length, byte[] payload) {
        CRC32C crc = new CRC32C();
        crc.update(ByteBuffer.allocate(Integer.BYTES).putInt(length).flip());
        crc.update(payload);
        return (int) crc.getValue();
    }

    private static ByteBuffer readFully(FileChannel channel, long offset, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, offset + buffer.position()) < 0) {
                throw new IOException("file ended while reading a record at offset " + offset);
            }
        }
        return buffer.flip();
    }
}
