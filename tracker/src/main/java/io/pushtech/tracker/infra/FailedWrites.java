package io.pushtech.tracker.infra;

import java.util.List;

/**
 * What happens to stream entries that Redis did not take: kept durably elsewhere (the requests then succeed),
 * or refused by throwing (the requests fail and the client is told to retry). Called on the writer thread.
 */
public interface FailedWrites {

    /** Whether entries must bypass Redis for now (while earlier diverted entries still wait, to keep order). */
    boolean mustDivert();

    /** Keeps {@code entries} durably, or throws when it cannot. */
    void divert(List<byte[]> entries);

    /** No fallback: a Redis failure fails the requests. */
    FailedWrites NONE = new FailedWrites() {
        @Override
        public boolean mustDivert() {
            return false;
        }

        @Override
        public void divert(List<byte[]> entries) {
            throw new io.pushtech.tracker.domain.SinkOverloadedException("the event stream is unavailable");
        }
    };
}
