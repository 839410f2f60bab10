package io.pushtech.platform;

import io.pushtech.common.service.ServiceDefinition;
import io.pushtech.kafidx.KafidxDefinition;
import io.pushtech.kafkastore.KafkastoreDefinition;
import io.pushtech.notifications.NotificationsDefinition;
import io.pushtech.storage.StorageDefinition;
import io.pushtech.tracker.TrackerDefinition;
import java.util.List;
import java.util.Optional;

/** Every service the platform can run, in the order {@code pushtech up} starts them. */
public final class Services {

    private static final List<ServiceDefinition> ALL = List.of(
            new TrackerDefinition(),
            new KafkastoreDefinition(),
            new StorageDefinition(),
            new NotificationsDefinition(),
            new KafidxDefinition());

    private Services() {}

    public static List<ServiceDefinition> all() {
        return ALL;
    }

    public static Optional<ServiceDefinition> named(String name) {
        return ALL.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public static List<String> names() {
        return ALL.stream().map(ServiceDefinition::name).toList();
    }
}
