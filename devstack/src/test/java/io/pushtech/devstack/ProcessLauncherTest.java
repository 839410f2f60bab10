package io.pushtech.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessLauncherTest {

    @TempDir
    Path logDir;

    @Test
    void childRunsTheProgramItselfAsLeaderOfItsOwnSession() throws IOException {
        // When
        ChildProcess child =
                ProcessLauncher.launch("sleeper", List.of("sleep", "30"), logDir.resolve("sleep.log"), false);

        // Then
        try {
            // setsid and setpriv exec in place: the pid soon runs sleep itself, with no process forked between.
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(ProcessHandle.of(child.pid())
                            .flatMap(handle -> handle.info().command()))
                    .hasValueSatisfying(command -> assertThat(command).endsWith("/sleep")));
            assertThat(sessionId(child.pid())).isEqualTo(child.pid());
        } finally {
            child.kill();
        }
    }

    @Test
    void stopEndsTheChildWithSigterm() {
        // Given
        ChildProcess child =
                ProcessLauncher.launch("sleeper", List.of("sleep", "30"), logDir.resolve("sleep.log"), false);

        // When
        child.stop(ChildProcess.DEFAULT_GRACE);

        // Then
        assertThat(child.isAlive()).isFalse();
        assertThat(child.exitValue()).isEqualTo(128 + 15);
    }

    @Test
    void childOutputGoesToItsLogFile() throws IOException {
        // Given
        Path logFile = logDir.resolve("echo.log");

        // When
        ChildProcess child =
                ProcessLauncher.launch("echo", List.of("sh", "-c", "echo out; echo err >&2"), logFile, false);
        child.waitFor(Duration.ofSeconds(10));

        // Then
        assertThat(Files.readAllLines(logFile)).containsExactlyInAnyOrder("out", "err");
    }

    /** The session id: the sixth field of /proc/<pid>/stat, after the parenthesized command name. */
    private static long sessionId(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[3]);
    }
}
