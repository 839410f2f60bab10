package io.pushtech.tracker.infra;

import io.pushtech.common.Streams;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;

/** Writes {@code XADD <stream> * events <entry>} commands in Redis's wire format (RESP). Stateless once built. */
final class XaddCommands {

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
