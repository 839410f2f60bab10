package io.pushtech.notifications.infra;

import io.pushtech.notifications.domain.Preferences;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Users' preferences as the dispatcher reads them: loaded from MongoDB in one {@code $in} per batch for the users
 * not cached, kept for a short time (another instance's API may change them), and dropped at once when this
 * instance's API changes them. Thread-safe.
 */
public final class PreferencesCache {

    private static final int MAX_ENTRIES = 200_000;

    private record Entry(Preferences preferences, long loadedAt) {}

    private final PreferencesStore store;
    private final long ttlNanos;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    public PreferencesCache(PreferencesStore store, Duration ttl) {
        this.store = store;
        this.ttlNanos = ttl.toNanos();
    }

    /** The preferences of each of {@code userIds} (the defaults for users who registered none). Blocking. */
    public Map<String, Preferences> getAll(Collection<String> userIds) {
        long now = System.nanoTime();
        Map<String, Preferences> result = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (String userId : userIds) {
            Entry entry = entries.get(userId);
            if (entry != null && now - entry.loadedAt() < ttlNanos) {
                result.put(userId, entry.preferences());
            } else {
                missing.add(userId);
            }
        }
        if (!missing.isEmpty()) {
            if (entries.size() > MAX_ENTRIES) {
                entries.clear();
            }
            Map<String, Preferences> loaded = store.findAll(missing);
            for (String userId : missing) {
                Preferences preferences = loaded.getOrDefault(userId, Preferences.defaults(userId));
                entries.put(userId, new Entry(preferences, now));
                result.put(userId, preferences);
            }
        }
        return result;
    }

    public void invalidate(String userId) {
        entries.remove(userId);
    }
}
