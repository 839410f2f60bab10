package io.pushtech.tracker.infra.journal;

import java.util.List;

/**
 * Receives the journal's oldest records during {@link DiskJournal#drain}; returning normally means the batch is durable
 * elsewhere and may be removed from the journal. Called on the draining thread.
 */
@FunctionalInterface
public interface BatchSink {

    void accept(List<byte[]> batch) throws Exception;
}
