package io.pushtech.tracker.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RespRepliesTest {

    private static final String REPLIES =
            "$15\r\n1700000000000-0\r\n-ERR no such key\r\n+OK\r\n:12\r\n*2\r\n$1\r\na\r\n*-1\r\n$-1\r\n";

    @Test
    void reportsEveryReplyInOrderWithItsError() {
        // Given
        List<String> seen = new ArrayList<>();
        RespReplies replies = new RespReplies(error -> seen.add(String.valueOf(error)));

        // When
        replies.feed(Buffer.buffer(REPLIES));

        // Then
        assertThat(seen).containsExactly("null", "ERR no such key", "null", "null", "null", "null");
    }

    @Test
    void repliesSplitAtAnyByteAreReportedOnceComplete() {
        for (int cut = 1; cut < REPLIES.length(); cut++) {
            // Given
            List<String> seen = new ArrayList<>();
            RespReplies replies = new RespReplies(error -> seen.add(String.valueOf(error)));

            // When
            replies.feed(Buffer.buffer(REPLIES.substring(0, cut)));
            replies.feed(Buffer.buffer(REPLIES.substring(cut)));

            // Then
            assertThat(seen).as("split at %d", cut).hasSize(6).element(1).isEqualTo("ERR no such key");
        }
    }

    @Test
    void aReplyArrivingByteByByteIsReportedOnce() {
        // Given
        List<String> seen = new ArrayList<>();
        RespReplies replies = new RespReplies(error -> seen.add(String.valueOf(error)));

        // When
        for (byte b : "$15\r\n1700000000000-0\r\n".getBytes()) {
            replies.feed(Buffer.buffer(new byte[] {b}));
        }

        // Then
        assertThat(seen).containsExactly("null");
    }
}
