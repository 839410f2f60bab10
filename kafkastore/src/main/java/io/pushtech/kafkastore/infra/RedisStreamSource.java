package io.pushtech.kafkastore.infra;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.XAutoClaimParams;
import redis.clients.jedis.params.XReadGroupParams;
import redis.clients.jedis.params.XTrimParams;
import redis.clients.jedis.resps.StreamEntry;
import redis.clients.jedis.resps.StreamGroupInfo;
import redis.clients.jedis.resps.StreamPendingSummary;

/**
 * One tracker's Redis Stream, read as a member of a consumer group: new entries, this consumer's own pending ones,
 * and entries other consumers left pending too long. Blocking; used by one drainer thread (and the readiness check).
 */
public final class RedisStreamSource {

    private final String name;
    private final JedisPooled redis;
    private final String streamKey;
    private final String group;
    private final String consumer;

    /** @param name how logs and metrics name this source (its host and port, never credentials) */
    public RedisStreamSource(String name, JedisPooled redis, String streamKey, String group, String consumer) {
        this.name = name;
        this.redis = redis;
        this.streamKey = streamKey;
        this.group = group;
        this.consumer = consumer;
    }

    public String name() {
        return name;
    }

    /**
     * Creates the consumer group (and the stream) when missing; the group starts at the stream's beginning.
     *
     * @return whether the group had to be created
     */
    public boolean ensureGroup() {
        try {
            redis.xgroupCreate(streamKey, group, new StreamEntryID(), true);
            return true;
        } catch (JedisDataException e) {
            if (!String.valueOf(e.getMessage()).startsWith("BUSYGROUP")) {
                throw e;
            }
            return false;
        }
    }

    /** Entries delivered to this consumer earlier but not acknowledged, after {@code after}. */
    public List<StreamEntry> readPending(StreamEntryID after, int count) {
        return read(after, XReadGroupParams.xReadGroupParams().count(count));
    }

    /** New entries; waits up to {@code blockMillis} for the first one when {@code blockMillis} is positive. */
    public List<StreamEntry> readNew(int count, int blockMillis) {
        XReadGroupParams params = XReadGroupParams.xReadGroupParams().count(count);
        return read(StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY, blockMillis > 0 ? params.block(blockMillis) : params);
    }

    /**
     * Takes over entries of any consumer of the group that stayed pending longer than {@code minIdleMillis}
     * ({@code XAUTOCLAIM}), scanning from {@code cursor}.
     */
    public Claimed claimIdle(long minIdleMillis, StreamEntryID cursor, int count) {
        Map.Entry<StreamEntryID, List<StreamEntry>> result = redis.xautoclaim(
                streamKey,
                group,
                consumer,
                minIdleMillis,
                cursor,
                XAutoClaimParams.xAutoClaimParams().count(count));
        List<StreamEntry> entries = result.getValue().stream()
                .filter(entry -> entry != null && entry.getFields() != null)
                .toList();
        return new Claimed(entries, result.getKey());
    }

    public void ack(List<StreamEntry> entries) {
        if (!entries.isEmpty()) {
            redis.xack(
                    streamKey, group, entries.stream().map(StreamEntry::getID).toArray(StreamEntryID[]::new));
        }
    }

    /** Entries delivered to the group and not acknowledged yet, by any of its consumers. */
    public long pending() {
        return redis.xpending(streamKey, group).getTotal();
    }

    /** Entries not yet delivered to the group, as Redis 7 and later report it; empty on older servers. */
    public OptionalLong lag() {
        return redis.xinfoGroups(streamKey).stream()
                .filter(info -> group.equals(info.getName()))
                .map(StreamGroupInfo::getGroupInfo)
                .map(info -> info.get("lag"))
                .filter(Number.class::isInstance)
                .mapToLong(lag -> ((Number) lag).longValue())
                .findFirst();
    }

    /**
     * Removes the entries that every consumer group of the stream has read and acknowledged ({@code XTRIM MINID}):
     * those older than the oldest entry any group still has pending or has not been delivered yet. A stream no group
     * reads keeps everything. Returns how many entries went.
     */
    public long trimAcknowledged() {
        StreamEntryID keepFrom = null;
        for (StreamGroupInfo info : redis.xinfoGroups(streamKey)) {
            StreamEntryID firstNeeded = firstNeeded(info);
            if (keepFrom == null || firstNeeded.compareTo(keepFrom) < 0) {
                keepFrom = firstNeeded;
            }
        }
        return keepFrom == null
                ? 0
                : redis.xtrim(streamKey, XTrimParams.xTrimParams().minId(keepFrom.toString()));
    }

    /** The oldest entry {@code info}'s group still needs: its oldest pending one, else the next undelivered one. */
    private StreamEntryID firstNeeded(StreamGroupInfo info) {
        StreamEntryID lastDelivered = info.getLastDeliveredId();
        StreamEntryID afterLastDelivered = new StreamEntryID(lastDelivered.getTime(), lastDelivered.getSequence() + 1);
        if (info.getPending() == 0) {
            return afterLastDelivered;
        }
        StreamPendingSummary pending = redis.xpending(streamKey, info.getName());
        // acknowledged since XINFO answered: nothing older than the next undelivered entry is needed any more
        return pending.getMinId() == null ? afterLastDelivered : pending.getMinId();
    }

    public void probe() {
        redis.ping();
    }

    private List<StreamEntry> read(StreamEntryID from, XReadGroupParams params) {
        Map<String, List<StreamEntry>> result = redis.xreadGroupAsMap(group, consumer, params, Map.of(streamKey, from));
        return result == null ? List.of() : result.getOrDefault(streamKey, List.of());
    }

    /**
     * Entries claimed by {@link #claimIdle}, and where the next scan starts ({@code 0-0} once the scan went round).
     */
    public record Claimed(List<StreamEntry> entries, StreamEntryID next) {}
}
