package io.pushtech.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stack as a developer runs it: a JVM of its own that prints its addresses and is stopped by a signal. */
class DevStackMainIT {

    private static final Duration CHILDREN_GONE = Duration.ofSeconds(10);

    @TempDir
    Path workDir;

    @Test
    void printsTheAddressOfEveryPartAndItsStartupTime() throws Exception {
        // When
        try (StackMainProcess main = StackMainProcess.startIn(workDir)) {

            // Then
            assertThat(main.printedLines())
                    .satisfiesExactly(
                            line -> assertThat(line).matches("kafka 127\\.0\\.0\\.1:\\d+"),
                            line -> assertThat(line).matches("redis redis://127\\.0\\.0\\.1:\\d+"),
                            line -> assertThat(line).matches("mongodb mongodb://127\\.0\\.0\\.1:\\d+"),
                            line -> assertThat(line).matches("stack up in \\d+\\.\\d s"));
        }
    }

    @Test
    void sigtermStopsTheStackAndEveryChildProcess() throws Exception {
        // Given
        try (StackMainProcess main = StackMainProcess.startIn(workDir)) {
            List<ProcessHandle> children = main.process().descendants().toList();

            // When
            main.process().destroy();

            // Then
            assertThat(main.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(children).hasSize(2).noneMatch(ProcessHandle::isAlive);
        }
    }

    @Test
    void sigkillOfTheParentJvmTakesEveryChildProcessWithIt() throws Exception {
        // Given
        try (StackMainProcess main = StackMainProcess.startIn(workDir)) {
            List<ProcessHandle> children = main.process().descendants().toList();
            int kafkaPort = main.printedPort("kafka");
            int redisPort = main.printedPort("redis");

            // When
            main.process().destroyForcibly();

            // Then
            assertThat(children).hasSize(2);
            await().atMost(CHILDREN_GONE).until(() -> children.stream().noneMatch(ProcessHandle::isAlive));
            await().atMost(CHILDREN_GONE).until(() -> !FreePorts.accepts(kafkaPort) && !FreePorts.accepts(redisPort));
        }
    }
}
