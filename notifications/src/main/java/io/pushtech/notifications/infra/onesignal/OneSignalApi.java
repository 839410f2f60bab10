package io.pushtech.notifications.infra.onesignal;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The request and response of OneSignal's <i>Create notification</i> ({@code POST /notifications}), the one
 * endpoint the platform uses: every field we send or read is here.
 */
public final class OneSignalApi {

    public static final String PATH = "/notifications";
    /** Most external ids (or subscription ids) one request may name. */
    public static final int MAX_RECIPIENTS = 20_000;

    private OneSignalApi() {}

    /** How a request names its recipients: by external id (the platform's user id) or by subscription id. */
    public enum TargetKind {
        EXTERNAL_ID,
        SUBSCRIPTION_ID
    }

    /** A push to send. {@code headings} and {@code contents} are keyed by language code ({@code en}). */
    public record CreateNotification(
            String appId,
            TargetKind targetKind,
            List<String> recipients,
            Map<String, String> headings,
            Map<String, String> contents,
            Map<String, Object> data,
            UUID idempotencyKey) {

        public CreateNotification {
            recipients = List.copyOf(recipients);
            if (recipients.isEmpty() || recipients.size() > MAX_RECIPIENTS) {
                throw new IllegalArgumentException("a notification names 1 to " + MAX_RECIPIENTS + " recipients");
            }
        }

        /** Reads back a body written by {@link #toJson()} (a stored push sent again after a restart). */
        public static CreateNotification fromJson(JsonObject body) {
            JsonObject aliases = body.getJsonObject("include_aliases");
            boolean byExternalId = aliases != null;
            JsonArray recipients =
                    byExternalId ? aliases.getJsonArray("external_id") : body.getJsonArray("include_subscription_ids");
            return new CreateNotification(
                    body.getString("app_id"),
                    byExternalId ? TargetKind.EXTERNAL_ID : TargetKind.SUBSCRIPTION_ID,
                    recipients.stream().map(String::valueOf).toList(),
                    strings(body.getJsonObject("headings")),
                    strings(body.getJsonObject("contents")),
                    body.getJsonObject("data").getMap(),
                    UUID.fromString(body.getString("idempotency_key")));
        }

        private static Map<String, String> strings(JsonObject object) {
            Map<String, String> map = new java.util.LinkedHashMap<>();
            object.forEach(e -> map.put(e.getKey(), String.valueOf(e.getValue())));
            return map;
        }

        public JsonObject toJson() {
            JsonObject body = new JsonObject()
                    .put("app_id", appId)
                    .put("target_channel", "push")
                    .put("headings", new JsonObject(Map.copyOf(headings)))
                    .put("contents", new JsonObject(Map.copyOf(contents)))
                    .put("data", JsonObject.mapFrom(data))
                    .put("idempotency_key", idempotencyKey.toString());
            if (targetKind == TargetKind.EXTERNAL_ID) {
                body.put("include_aliases", new JsonObject().put("external_id", new JsonArray(recipients)));
            } else {
                body.put("include_subscription_ids", new JsonArray(recipients));
            }
            return body;
        }
    }

    /**
     * OneSignal's answer: {@code id} is empty when nothing was sent; {@code errors} may come even with status 200,
     * as an array of messages or as an object (such as {@code invalid_aliases}), flattened here into messages.
     */
    public record CreateNotificationResponse(Optional<String> id, List<String> errors) {

        public static CreateNotificationResponse parse(JsonObject body) {
            String id = body == null ? null : body.getString("id");
            return new CreateNotificationResponse(
                    Optional.ofNullable(id).filter(s -> !s.isBlank()),
                    body == null ? List.of() : errors(body.getValue("errors")));
        }

        private static List<String> errors(Object errors) {
            List<String> messages = new ArrayList<>();
            if (errors instanceof JsonArray array) {
                array.forEach(e -> messages.add(String.valueOf(e)));
            } else if (errors instanceof JsonObject object) {
                object.forEach(e -> messages.add(e.getKey() + ": " + e.getValue()));
            } else if (errors != null) {
                messages.add(String.valueOf(errors));
            }
            return List.copyOf(messages);
        }
    }
}
