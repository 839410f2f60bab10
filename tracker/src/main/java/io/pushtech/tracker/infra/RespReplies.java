package io.pushtech.tracker.infra;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;

/**
 * Reads Redis replies (RESP2) as they arrive on a connection, in pieces of any size, and reports each complete
 * top-level reply as success or error. Only what the tracker's commands answer is understood: simple strings,
 * errors, integers, bulk strings and arrays of those. Not thread-safe: one per connection, on its event loop.
 */
final class RespReplies {

    /** What is told of each complete reply, in order. */
    interface Listener {
        void reply(String error);
    }

    private final Listener listener;
    private Buffer pending = Buffer.buffer();
    private int position;

    RespReplies(Listener listener) {
        this.listener = listener;
    }

    /** Takes the next bytes read from the connection; reports every reply they complete. */
    void feed(Buffer data) {
        if (position == pending.length()) {
            pending = data;
            position = 0;
        } else {
            pending = pending.getBuffer(position, pending.length()).appendBuffer(data);
            position = 0;
        }
        while (position < pending.length()) {
            int end = skipReply(position);
            if (end < 0) {
                return;
            }
            String error = pending.getByte(position) == '-' ? pending.getString(position + 1, end - 2, "UTF-8") : null;
            position = end;
            listener.reply(error);
        }
    }

    /** The index just past the reply starting at {@code start}, or -1 when it has not fully arrived. */
    private int skipReply(int start) {
        int lineEnd = lineEnd(start);
        if (lineEnd < 0) {
            return -1;
        }
        byte kind = pending.getByte(start);
        return switch (kind) {
            case '+', '-', ':' -> lineEnd + 2;
            case '$' -> {
                int length = number(start + 1, lineEnd);
                if (length < 0) {
                    yield lineEnd + 2;
                }
                int end = lineEnd + 2 + length + 2;
                yield end <= pending.length() ? end : -1;
            }
            case '*' -> {
                int count = number(start + 1, lineEnd);
                int next = lineEnd + 2;
                for (int i = 0; i < count && next >= 0; i++) {
                    next = next < pending.length() ? skipReply(next) : -1;
                }
                yield next;
            }
            default ->
                throw new IllegalStateException(
                        "unexpected reply from Redis: " + new String(new byte[] {kind}, StandardCharsets.US_ASCII));
        };
    }

    /** The index of the {@code \r} ending the line that starts at {@code start}, or -1. */
    private int lineEnd(int start) {
        for (int i = start; i + 1 < pending.length(); i++) {
            if (pending.getByte(i) == '\r' && pending.getByte(i + 1) == '\n') {
                return i;
            }
        }
        return -1;
    }

    private int number(int from, int to) {
        return Integer.parseInt(pending.getString(from, to, "US-ASCII"));
    }
}
