package io.pushtech.notifications.infra;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Which offsets may be committed: a record counts as open until every push it causes was sent or parked, and a
 * partition's committable offset is its lowest open record (or the one after the last polled). Used by the
 * dispatcher thread only.
 */
public final class OffsetTracker {

    private final Map<TopicPartition, TreeMap<Long, Integer>> open = new HashMap<>();
    private final Map<TopicPartition, Long> next = new HashMap<>();
    private final Map<TopicPartition, Long> committed = new HashMap<>();

    /** Records that {@code offset} was polled and waits for {@code tasks} completions (0: done already). */
    public void polled(TopicPartition partition, long offset, int tasks) {
        next.merge(partition, offset + 1, Math::max);
        if (tasks > 0) {
            open.computeIfAbsent(partition, p -> new TreeMap<>()).merge(offset, tasks, Integer::sum);
        }
    }

    /** Adds tasks to a record that is still open. */
    public void add(TopicPartition partition, long offset, int tasks) {
        open.computeIfAbsent(partition, p -> new TreeMap<>()).merge(offset, tasks, Integer::sum);
    }

    /** One task of the record at {@code offset} completed. */
    public void done(TopicPartition partition, long offset) {
        TreeMap<Long, Integer> offsets = open.get(partition);
        if (offsets == null) {
            return;
        }
        Integer left = offsets.get(offset);
        if (left == null) {
            return;
        }
        if (left <= 1) {
            offsets.remove(offset);
        } else {
            offsets.put(offset, left - 1);
        }
    }

    /** The offsets that may be committed and were not yet; marks them as committed. */
    public Map<TopicPartition, OffsetAndMetadata> toCommit() {
        Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
        next.forEach((partition, after) -> {
            TreeMap<Long, Integer> offsets = open.get(partition);
            long offset = offsets == null || offsets.isEmpty() ? after : offsets.firstKey();
            if (committed.getOrDefault(partition, -1L) < offset) {
                commit.put(partition, new OffsetAndMetadata(offset));
            }
        });
        commit.forEach((partition, offset) -> committed.put(partition, offset.offset()));
        return commit;
    }

    public boolean isOpen(TopicPartition partition, long offset) {
        TreeMap<Long, Integer> offsets = open.get(partition);
        return offsets != null && offsets.containsKey(offset);
    }

    /** Forgets partitions this consumer no longer owns. */
    public void forget(Collection<TopicPartition> partitions) {
        partitions.forEach(p -> {
            open.remove(p);
            next.remove(p);
            committed.remove(p);
        });
    }
}
