package io.pushtech.notifications;

import io.pushtech.common.config.Setting;
import java.util.List;

/** notifications' own settings. */
public final class NotificationsSettings {

    public static final Setting<Integer> PORT = Setting.port(
            "NOTIFICATIONS_PORT", 8084, "HTTP port of notifications (the /mappings API and the live stream).");
    public static final Setting<String> ONESIGNAL_API_URL =
            Setting.text("ONESIGNAL_API_URL", "https://api.onesignal.com", "Base URL of OneSignal's REST API.");
    public static final Setting<String> ONESIGNAL_APP_ID =
            Setting.text("ONESIGNAL_APP_ID", "", "OneSignal app id (`app_id` of every notification).");
    public static final Setting<String> ONESIGNAL_API_KEY = Setting.text(
            "ONESIGNAL_API_KEY",
            "",
            "OneSignal REST API key. Unset: pushes are logged instead of sent (the development stack).");
    public static final Setting<Integer> RATE = Setting.integer(
            "NOTIFICATIONS_RATE_PER_SECOND",
            150,
            1,
            100_000,
            "Requests per second to OneSignal at most (token bucket); OneSignal allows 150/s on free plans, 6000/s on paid ones.");
    public static final Setting<Integer> MAX_IN_FLIGHT = Setting.integer(
            "NOTIFICATIONS_MAX_IN_FLIGHT",
            256,
            1,
            100_000,
            "Pushes sent and not answered yet, at most; reading `matches` waits beyond it.");
    public static final Setting<Integer> REQUEST_TIMEOUT_MILLIS = Setting.integer(
            "NOTIFICATIONS_REQUEST_TIMEOUT_MS",
            10_000,
            100,
            300_000,
            "A OneSignal request not answered within this is retried (with the same idempotency key).");
    public static final Setting<Integer> RETRY_BASE_MILLIS = Setting.integer(
            "NOTIFICATIONS_RETRY_BASE_MS",
            500,
            1,
            60_000,
            "First retry delay; each retry doubles it (with full jitter) up to `NOTIFICATIONS_RETRY_MAX_MS`.");
    public static final Setting<Integer> RETRY_MAX_MILLIS = Setting.integer(
            "NOTIFICATIONS_RETRY_MAX_MS",
            60_000,
            1,
            3_600_000,
            "Longest delay between two retries (unless `Retry-After` says more).");
    public static final Setting<Integer> GIVE_UP_SECONDS = Setting.integer(
            "NOTIFICATIONS_GIVE_UP_SECONDS",
            900,
            1,
            86_400,
            "A push still failing (429, 5xx, network) after this is parked on `notifications.failed`.");
    public static final Setting<Integer> MAX_PER_HOUR = Setting.integer(
            "NOTIFICATIONS_MAX_PER_HOUR", 10, 1, 10_000, "Pushes per user per hour at most (a user may set fewer).");
    public static final Setting<Integer> COLLAPSE_MILLIS = Setting.integer(
            "NOTIFICATIONS_COLLAPSE_MS",
            60_000,
            0,
            86_400_000,
            "After a push, a user's next matches wait this long and leave as one push (\"3 new offers near you\"); 0 sends each at once.");
    public static final Setting<Integer> RENOTIFY_HOURS = Setting.integer(
            "NOTIFICATIONS_RENOTIFY_HOURS",
            24,
            0,
            8760,
            "A pair that starts matching again within this many hours of its last push does not push again.");
    public static final Setting<Integer> LIVE_HISTORY_MINUTES = Setting.integer(
            "NOTIFICATIONS_LIVE_HISTORY_MINUTES",
            60,
            0,
            10_080,
            "How far back the live stream keeps events for browsers that reconnect with `Last-Event-ID`.");
    public static final Setting<Integer> LIVE_EVENTS_PER_USER = Setting.integer(
            "NOTIFICATIONS_LIVE_EVENTS_PER_USER", 100, 1, 10_000, "Recent live events kept per user for reconnects.");

    public static final List<Setting<?>> ALL = List.of(
            PORT,
            ONESIGNAL_API_URL,
            ONESIGNAL_APP_ID,
            ONESIGNAL_API_KEY,
            RATE,
            MAX_IN_FLIGHT,
            REQUEST_TIMEOUT_MILLIS,
            RETRY_BASE_MILLIS,
            RETRY_MAX_MILLIS,
            GIVE_UP_SECONDS,
            MAX_PER_HOUR,
            COLLAPSE_MILLIS,
            RENOTIFY_HOURS,
            LIVE_HISTORY_MINUTES,
            LIVE_EVENTS_PER_USER);

    private NotificationsSettings() {}
}
