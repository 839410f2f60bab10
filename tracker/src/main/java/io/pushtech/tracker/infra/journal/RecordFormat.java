package io.pushtech.tracker.infra.journal;

import java.nio.ByteBuffer;
import java.util.List;
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

    static long end(long offset, byte[] record) {
        return offset + HEADER_BYTES + record.length;
    }

    static int checksum(int length, byte[] payload) {
        CRC32C crc = new CRC32C();
        crc.update(ByteBuffer.allocate(Integer.BYTES).putInt(length).flip());
        crc.update(payload);
        return (int) crc.getValue();
    }
}
