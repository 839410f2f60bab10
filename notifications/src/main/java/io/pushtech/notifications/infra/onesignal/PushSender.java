package io.pushtech.notifications.infra.onesignal;

import io.pushtech.notifications.infra.onesignal.OneSignalApi.CreateNotification;
import io.vertx.core.Future;

/** Sends notifications; call it on the Vert.x context it was created for. */
public interface PushSender {

    /** Completes once the notification was sent or failed for good; never fails. */
    Future<SendOutcome> send(CreateNotification notification);
}
