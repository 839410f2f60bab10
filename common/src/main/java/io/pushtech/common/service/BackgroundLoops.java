package io.pushtech.common.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The long-running loops of a service (Kafka consumers and the like), each on its own daemon thread with the
 * action that asks it to end. Start and stop from the service's lifecycle; not thread-safe.
 */
public final class BackgroundLoops {

    private final List<Thread> threads = new ArrayList<>();
    private final List<Runnable> stoppers = new ArrayList<>();

    /** Runs {@code loop} on a new daemon thread named {@code threadName}; {@code stopper} asks it to end. */
    public void start(Runnable loop, Runnable stopper, String threadName) {
        Thread thread = new Thread(loop, threadName);
        thread.setDaemon(true);
        thread.start();
        threads.add(thread);
        stoppers.add(stopper);
    }

    /** Asks every loop to end, then waits up to {@code timeout} for each thread. */
    public void stopAndJoin(Duration timeout) throws InterruptedException {
        stoppers.forEach(Runnable::run);
        for (Thread thread : threads) {
            thread.join(timeout.toMillis());
        }
    }
}
