package io.pushtech.kafkastore.infra;

import java.util.List;
import java.util.Map;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.XReadGroupParams;
import redis.clients.jedis.resps.StreamEntry;

/**
 * Reads the tracker's Redis Stream as a member of a consumer group and acknowledges what was handed on.
 * Blocking; used by the drainer's own thread.
 */
public final class RedisStreamSource {

    private final JedisPooled redis;
    private final String streamKey;
    private final String group;
    private final String consumer;

    public RedisStreamSource(JedisPooled redis, String streamKey, String group, String consumer) {
        this.redis = redis;
        this.streamKey = streamKey;
        this.group = group;
        this.consumer = consumer;
    }

    /** Creates the consumer group (and the stream) when missing; the group starts at the stream's beginning. */
    public void ensureGroup() {
        try {
            redis.xgroupCreate(streamKey, group, new StreamEntryID(), true);
        } catch (JedisDataException e) {
            if (!String.valueOf(e.getMessage()).startsWith("BUSYGROUP")) {
                throw e;
            }
        }
    }

    /** Entries delivered to this consumer earlier but not acknowledged (after a crash or a failed hand-off). */
    public List<StreamEntry> readPending(int count) {
        return read(new StreamEntryID(), XReadGroupParams.xReadGroupParams().count(count));
    }

    /** New entries, waiting up to {@code blockMillis} for the first one. */
    public List<StreamEntry> readNew(int count, int blockMillis) {
        return read(
                StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY,
                XReadGroupParams.xReadGroupParams().count(count).block(blockMillis));
    }

    public void ack(List<StreamEntry> entries) {
        if (!entries.isEmpty()) {
            redis.xack(
                    streamKey, group, entries.stream().map(StreamEntry::getID).toArray(StreamEntryID[]::new));
        }
    }

    public void probe() {
        redis.ping();
    }

    private List<StreamEntry> read(StreamEntryID from, XReadGroupParams params) {
        Map<String, List<StreamEntry>> result = redis.xreadGroupAsMap(group, consumer, params, Map.of(streamKey, from));
        return result == null ? List.of() : result.getOrDefault(streamKey, List.of());
    }
}
