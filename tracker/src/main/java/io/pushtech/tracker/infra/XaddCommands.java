package io.pushtech.tracker.infra;

import io.pushtech.common.Streams;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Writes {@code XADD <stream> * events <entry>} commands in Redis's wire format (RESP). Stateless once built. */
final class XaddCommands {

    // '$', up to ten digits of length, and two line ends
    private static final int BULK_OVERHEAD = 15;

    private final byte[] prefix;

    XaddCommands(String streamKey) {
        Buffer start = Buffer.buffer();
        start.appendString("*5\r\n");
        bulk(start, "XADD".getBytes(StandardCharsets.US_ASCII));
        bulk(start, streamKey.getBytes(StandardCharsets.UTF_8));
        bulk(start, "*".getBytes(StandardCharsets.US_ASCII));
        bulk(start, Streams.EVENTS_FIELD.getBytes(StandardCharsets.UTF_8));
        this.prefix = start.getBytes();
    }

    /** The bytes of the commands adding {@code entries}, at most: what their buffer is given at once. */
    int length(List<byte[]> entries) {
        int length = 0;
        for (byte[] entry : entries) {
            length += prefix.length + BULK_OVERHEAD + entry.length;
        }
        return length;
    }

    /** Appends the command adding {@code entry} (the field's value) to {@code out}. */
    void append(Buffer out, byte[] entry) {
        out.appendBytes(prefix);
        bulk(out, entry);
    }

    static void bulk(Buffer out, byte[] value) {
        out.appendByte((byte) '$')
                .appendString(Integer.toString(value.length))
                .appendString("\r\n")
                .appendBytes(value)
                .appendString("\r\n");
    }
}
