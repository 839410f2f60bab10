package io.pushtech.tracker;

import io.pushtech.common.config.Settings;
import io.pushtech.common.service.RunningServices;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** Runs the tracker alone from the environment's settings, as a child process the outage tests can kill. */
public final class TrackerMain {

    private TrackerMain() {}

    public static void main(String[] args) throws Exception {
        RunningServices tracker = RunningServices.start(List.of(new TrackerDefinition()), Settings.fromEnvironment());
        System.out.println("tracker http://127.0.0.1:" + tracker.port(TrackerVerticle.NAME));
        new CountDownLatch(1).await();
    }
}
