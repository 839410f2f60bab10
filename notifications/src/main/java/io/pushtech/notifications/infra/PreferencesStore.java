package io.pushtech.notifications.infra;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import io.pushtech.notifications.domain.Preferences;
import io.pushtech.notifications.domain.QuietHours;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;

/**
 * Users' device mappings and preferences in MongoDB ({@code notification_preferences}, one document per user),
 * written by the {@code /mappings} API. Blocking: call it from a worker or the dispatcher thread.
 */
public final class PreferencesStore {

    static final String COLLECTION = "notification_preferences";

    private final MongoCollection<Document> collection;

    public PreferencesStore(MongoDatabase database) {
        this.collection = database.getCollection(COLLECTION);
    }

    public Optional<Preferences> find(String userId) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", userId)).first())
                .map(PreferencesStore::decode);
    }

    /** The stored preferences of {@code userIds}; users without any are absent. */
    public Map<String, Preferences> findAll(Collection<String> userIds) {
        Map<String, Preferences> found = new HashMap<>();
        if (!userIds.isEmpty()) {
            for (Document doc : collection.find(Filters.in("_id", userIds))) {
                Preferences preferences = decode(doc);
                found.put(preferences.userId(), preferences);
            }
        }
        return found;
    }

    public void save(Preferences preferences) {
        Document doc = new Document("_id", preferences.userId())
                .append("subscriptionIds", preferences.subscriptionIds())
                .append("timeZone", preferences.timeZone().getId())
                .append(
                        "quietHours",
                        preferences
                                .quietHours()
                                .map(q -> new Document("start", q.start().toString())
                                        .append("end", q.end().toString()))
                                .orElse(null))
                .append("push", preferences.push())
                .append("notifyAsOfferer", preferences.notifyAsOfferer())
                .append("maxPerHour", preferences.maxPerHour().orElse(null))
                .append("updatedAt", new Date());
        collection.replaceOne(Filters.eq("_id", preferences.userId()), doc, new ReplaceOptions().upsert(true));
    }

    public boolean delete(String userId) {
        return collection.deleteOne(Filters.eq("_id", userId)).getDeletedCount() > 0;
    }

    private static Preferences decode(Document doc) {
        Document quiet = doc.get("quietHours", Document.class);
        return new Preferences(
                doc.getString("_id"),
                doc.getList("subscriptionIds", String.class, List.of()),
                ZoneId.of(doc.getString("timeZone")),
                Optional.ofNullable(quiet)
                        .map(q -> new QuietHours(
                                LocalTime.parse(q.getString("start")), LocalTime.parse(q.getString("end")))),
                doc.getBoolean("push", true),
                doc.getBoolean("notifyAsOfferer", false),
                Optional.ofNullable(doc.getInteger("maxPerHour")));
    }
}
