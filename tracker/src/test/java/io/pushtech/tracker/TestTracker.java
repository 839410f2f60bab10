package io.pushtech.tracker;

import io.pushtech.common.Streams;
import io.pushtech.common.config.Settings;
import io.pushtech.common.service.RunningServices;
import io.pushtech.devstack.DevStack;
import io.pushtech.devstack.junit.TestNamespace;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A tracker in the test JVM on the shared stack, in the test class's namespace, with its own journal. */
final class TestTracker implements AutoCloseable {

    private final RunningServices services;
    private final TrackerStream stream;

    private TestTracker(RunningServices services, TrackerStream stream) {
        this.services = services;
        this.stream = stream;
    }

    /** @param overrides tracker settings for this test class */
    static TestTracker start(DevStack stack, TestNamespace namespace, Map<String, String> overrides) throws Exception {
        Map<String, String> settings = new HashMap<>(Map.of(
                "REDIS_URL",
                stack.redisUrl(),
                "PUSHTECH_NAMESPACE",
                namespace.value(),
                "HTTP_HOST",
                "127.0.0.1",
                "TRACKER_PORT",
                "0",
                "TRACKER_EVENT_LOOPS",
                "2",
                "TRACKER_JOURNAL_DIR",
                Files.createTempDirectory("tracker-journal").toString()));
        settings.putAll(overrides);
        RunningServices services = RunningServices.start(List.of(new TrackerDefinition()), Settings.of(settings));
        return new TestTracker(services, new TrackerStream(stack.redisUrl(), namespace.value() + ":" + Streams.EVENTS));
    }

    int port() {
        return services.port(TrackerVerticle.NAME);
    }

    String url() {
        return "http://127.0.0.1:" + port();
    }

    /** What the tracker wrote to its stream. */
    TrackerStream stream() {
        return stream;
    }

    @Override
    public void close() throws Exception {
        services.close();
        stream.close();
    }
}
