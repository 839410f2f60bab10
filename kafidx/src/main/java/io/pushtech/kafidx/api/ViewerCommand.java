package io.pushtech.kafidx.api;

import io.pushtech.common.http.ApiException;
import io.pushtech.kafidx.domain.StartPosition;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/** A message a page sends over its WebSocket, parsed; bad messages are an {@link ApiException} with a code. */
sealed interface ViewerCommand {

    /** Watch {@code topics} from {@code from}, showing what passes {@code filter}. */
    record Watch(List<String> topics, String filter, StartPosition from) implements ViewerCommand {}

    /** Replace the filter, keeping the position. */
    record Filter(String filter) implements ViewerCommand {}

    record Pause() implements ViewerCommand {}

    record Resume() implements ViewerCommand {}

    static ViewerCommand parse(String text, List<String> knownTopics) {
        JsonObject message;
        try {
            message = new JsonObject(text);
        } catch (DecodeException | ClassCastException e) {
            throw bad("invalid_message", "a message is a JSON object with an \"op\"", null);
        }
        String op = message.getValue("op") instanceof String s ? s : "";
        return switch (op) {
            case "watch" ->
                new Watch(topics(message, knownTopics), filterText(message), from(message.getValue("from")));
            case "filter" -> new Filter(filterText(message));
            case "pause" -> new Pause();
            case "resume" -> new Resume();
            default -> throw bad("invalid_message", "op must be one of watch, filter, pause, resume", "op");
        };
    }

    private static List<String> topics(JsonObject message, List<String> knownTopics) {
        if (!(message.getValue("topics") instanceof JsonArray array) || array.isEmpty()) {
            throw bad("invalid_message", "topics must be a non-empty array of topic names", "topics");
        }
        List<String> topics = new ArrayList<>();
        for (Object topic : array) {
            if (!(topic instanceof String name) || !knownTopics.contains(name)) {
                throw bad("unknown_topic", "'" + topic + "' is not one of " + String.join(", ", knownTopics), "topics");
            }
            if (!topics.contains(name)) {
                topics.add(name);
            }
        }
        return topics;
    }

    private static String filterText(JsonObject message) {
        Object filter = message.getValue("filter");
        if (filter == null) {
            return "";
        }
        if (!(filter instanceof String text)) {
            throw bad("invalid_filter", "filter must be a string", "filter");
        }
        return text;
    }

    private static StartPosition from(Object from) {
        if (from == null || "latest".equals(from)) {
            return new StartPosition.Latest();
        }
        if ("earliest".equals(from)) {
            return new StartPosition.Earliest();
        }
        if (from instanceof JsonObject at && at.getValue("time") instanceof String time) {
            return new StartPosition.AtTime(time(time));
        }
        if (from instanceof JsonObject at && isWholeNumber(at.getValue("offset")) && at.getLong("offset") >= 0) {
            Object partition = at.getValue("partition");
            if (partition != null && !(partition instanceof Integer p && p >= 0)) {
                throw bad("invalid_position", "from.partition must be a partition number", "from");
            }
            return new StartPosition.AtOffset(
                    partition == null ? OptionalInt.empty() : OptionalInt.of((Integer) partition),
                    at.getLong("offset"));
        }
        throw bad(
                "invalid_position",
                "from is \"latest\", \"earliest\", {\"time\": ISO-8601} or {\"offset\": n, \"partition\"?: p}",
                "from");
    }

    /** Kafka looks offsets up by milliseconds since 1970, which is where its topics' times begin. */
    private static Instant time(String text) {
        Instant time;
        try {
            time = Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw bad("invalid_position", "from.time must be an ISO-8601 instant such as 2026-01-31T12:00:00Z", "from");
        }
        if (time.isBefore(Instant.EPOCH) || time.isAfter(Instant.parse("9999-12-31T23:59:59Z"))) {
            throw bad("invalid_position", "from.time must lie between 1970 and the year 9999", "from");
        }
        return time;
    }

    private static boolean isWholeNumber(Object value) {
        return value instanceof Integer || value instanceof Long;
    }

    private static ApiException bad(String code, String message, String field) {
        return new ApiException(400, code, message, field);
    }
}
