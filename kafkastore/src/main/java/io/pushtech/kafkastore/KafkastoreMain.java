package io.pushtech.kafkastore;

import io.pushtech.common.config.Settings;
import io.pushtech.common.service.RunningServices;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Runs kafkastore alone in this JVM from the environment's settings, until the JVM is stopped. Prints {@code
 * kafkastore up} once it drains. The platform's {@code pushtech run kafkastore} does the same with more around it.
 */
public final class KafkastoreMain {

    private KafkastoreMain() {}

    public static void main(String[] args) throws Exception {
        RunningServices services =
                RunningServices.start(List.of(new KafkastoreDefinition()), Settings.fromEnvironment());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                services.close();
            } catch (Exception e) {
                Thread.currentThread().interrupt();
            } finally {
                stopped.countDown();
            }
        }));
        System.out.println("kafkastore up");
        stopped.await();
    }
}
