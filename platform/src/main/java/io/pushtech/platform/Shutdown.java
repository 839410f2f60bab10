package io.pushtech.platform;

import io.pushtech.common.service.RunningServices;
import io.pushtech.devstack.DevStack;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Stops what a long-running command started when the JVM is asked to exit (SIGINT, SIGTERM). */
final class Shutdown {

    private static final Logger LOGGER = LoggerFactory.getLogger(Shutdown.class);

    private Shutdown() {}

    /** Services stop first, while the servers they flush to are still up; then the stack. */
    static void onSignal(RunningServices services, Optional<DevStack> stack) {
        if (stack.isPresent()) {
            stack.get().closeFirstOnShutdown(services);
            return;
        }
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            try {
                                services.close();
                            } catch (Exception e) {
                                LOGGER.atWarn()
                                        .addKeyValue("error", e.toString())
                                        .log("services did not stop cleanly");
                            }
                        },
                        "pushtech-shutdown"));
    }

    /** Blocks the calling thread until the JVM exits. */
    static void awaitSignal() throws InterruptedException {
        new CountDownLatch(1).await();
    }
}
