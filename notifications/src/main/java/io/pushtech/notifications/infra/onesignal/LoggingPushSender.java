package io.pushtech.notifications.infra.onesignal;

import io.pushtech.notifications.infra.onesignal.OneSignalApi.CreateNotification;
import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Stands in for OneSignal when no API key is configured (the development stack): logs each notification. */
public final class LoggingPushSender implements PushSender {

    private static final Logger LOGGER = LoggerFactory.getLogger(LoggingPushSender.class);

    @Override
    public Future<SendOutcome> send(CreateNotification notification) {
        LOGGER.atInfo()
                .addKeyValue("idempotencyKey", notification.idempotencyKey())
                .addKeyValue("recipients", notification.recipients().size())
                .addKeyValue("heading", notification.headings().get("en"))
                .addKeyValue("content", notification.contents().get("en"))
                .log("no ONESIGNAL_API_KEY: would send a push");
        return Future.succeededFuture(new SendOutcome(
                SendOutcome.Status.SENT, Optional.of("logged-" + notification.idempotencyKey()), 200, List.of(), 1));
    }
}
