package io.pushtech.notifications.infra;

import io.pushtech.notifications.domain.UserState;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;

/** The dispatcher's state as MongoDB sub-documents, the same in journal pages and in state buckets. */
final class StateCodec {

    private StateCodec() {}

    static Document encode(PairRecord p) {
        return new Document("user", p.userId())
                .append("pair", p.pair())
                .append("partition", p.partition())
                .append("sequence", p.sequence())
                .append("key", p.key().toString())
                .append("page", p.page())
                .append("at", Date.from(p.at()));
    }

    static PairRecord pair(Document d) {
        return pair(d, d.getString("user"), d.getInteger("partition", 0));
    }

    /** A pair as written under a user's document by earlier versions (no user, no partition in it). */
    static PairRecord pair(Document d, String userId, int partition) {
        return new PairRecord(
                userId,
                d.getString("pair"),
                partition,
                d.get("sequence", Number.class).longValue(),
                UUID.fromString(d.getString("key")),
                d.getString("page"),
                d.getDate("at").toInstant());
    }

    static Document encode(UserState state) {
        return new Document("id", state.userId())
                .append("lastPushAt", state.lastPushAt().map(Date::from).orElse(null))
                .append("hourStart", Date.from(state.hourStart()))
                .append("pushesInHour", state.pushesInHour());
    }

    static UserState user(Document d) {
        return user(d, d.getString("id"));
    }

    static UserState user(Document d, String userId) {
        return new UserState(
                userId,
                Optional.ofNullable(d.getDate("lastPushAt")).map(Date::toInstant),
                d.getDate("hourStart").toInstant(),
                d.getInteger("pushesInHour", 0));
    }

    /** A key as a field name: MongoDB reads {@code .} as a path and {@code $} as an operator. */
    static String fieldName(String key) {
        return key.replace("%", "%25").replace(".", "%2E").replace("$", "%24");
    }
}
