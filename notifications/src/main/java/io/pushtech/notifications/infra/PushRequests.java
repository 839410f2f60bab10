package io.pushtech.notifications.infra;

import io.pushtech.notifications.domain.Delivery;
import io.pushtech.notifications.domain.Preferences;
import io.pushtech.notifications.domain.Push;
import io.pushtech.notifications.infra.onesignal.OneSignalApi.CreateNotification;
import io.pushtech.notifications.infra.onesignal.OneSignalApi.TargetKind;
import java.util.List;
import java.util.Map;

/** Turns a planned push into OneSignal's request: its target (external ids, or registered subscription ids). */
final class PushRequests {

    private PushRequests() {}

    static CreateNotification of(String appId, Push push, Map<String, Preferences> preferences) {
        List<String> users = push.userIds();
        boolean bySubscription = bySubscription(preferences.get(users.get(0)));
        List<String> recipients = bySubscription
                ? users.stream()
                        .flatMap(u -> preferences.get(u).subscriptionIds().stream())
                        .distinct()
                        .toList()
                : users;
        return new CreateNotification(
                appId,
                bySubscription ? TargetKind.SUBSCRIPTION_ID : TargetKind.EXTERNAL_ID,
                recipients,
                Map.of("en", push.message().heading()),
                Map.of("en", push.message().content()),
                push.message().data(),
                push.key());
    }

    static boolean bySubscription(Preferences preferences) {
        return preferences != null && !preferences.subscriptionIds().isEmpty();
    }

    static List<String> matchIds(Push push) {
        return push.deliveries().stream().map(Delivery::id).toList();
    }
}
