package io.pushtech.kafkastore;

import io.pushtech.kafkastore.domain.EventTranslator;
import io.pushtech.kafkastore.domain.OutgoingRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import redis.clients.jedis.resps.StreamEntry;

/**
 * Translates a batch of stream entries on several threads: the batch is cut into consecutive slices, one per
 * thread, and their records are joined in entry order, so the records of a device keep their order. Thread-safe.
 */
final class ParallelTranslation {

    private final EventTranslator translator;
    private final ExecutorService workers;
    private final int parallelism;

    /**
     * @param workers runs the slices other than the first (the caller's); owned by the caller
     * @param parallelism slices per batch; 1 translates on the caller's thread alone
     */
    ParallelTranslation(EventTranslator translator, ExecutorService workers, int parallelism) {
        this.translator = translator;
        this.workers = workers;
        this.parallelism = parallelism;
    }

    List<OutgoingRecord> translate(List<StreamEntry> entries) throws InterruptedException {
        int slices = Math.min(parallelism, entries.size());
        if (slices <= 1) {
            return translateSlice(entries);
        }
        int sliceSize = (entries.size() + slices - 1) / slices;
        List<Future<List<OutgoingRecord>>> parts = new ArrayList<>(slices);
        // the caller's thread takes the first slice itself instead of waiting idle
        for (int from = sliceSize; from < entries.size(); from += sliceSize) {
            List<StreamEntry> slice = entries.subList(from, Math.min(entries.size(), from + sliceSize));
            parts.add(workers.submit(() -> translateSlice(slice)));
        }
        List<OutgoingRecord> records = new ArrayList<>(entries.size() + 16);
        records.addAll(translateSlice(entries.subList(0, sliceSize)));
        for (Future<List<OutgoingRecord>> part : parts) {
            try {
                records.addAll(part.get());
            } catch (ExecutionException e) {
                throw new IllegalStateException("translating stream entries failed", e.getCause());
            }
        }
        return records;
    }

    private List<OutgoingRecord> translateSlice(List<StreamEntry> entries) {
        List<OutgoingRecord> records = new ArrayList<>(entries.size() + 16);
        for (StreamEntry entry : entries) {
            records.addAll(translator.translate(entry.getID().toString(), entry.getFields()));
        }
        return records;
    }
}
