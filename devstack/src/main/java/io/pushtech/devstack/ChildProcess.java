package io.pushtech.devstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running child process of the stack, started by {@link ProcessLauncher}: stops it gracefully (SIGTERM, then
 * SIGKILL after a grace period) or kills it (SIGKILL). Thread-safe; stopping twice is harmless.
 */
final class ChildProcess {

    static final Duration DEFAULT_GRACE = Duration.ofSeconds(20);

    private static final Logger LOGGER = LoggerFactory.getLogger(ChildProcess.class);
    private static final Duration KILL_WAIT = Duration.ofSeconds(10);

    private final String name;
    private final Process process;
    private final Path logFile;

    ChildProcess(String name, Process process, Path logFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    Path logFile() {
        return logFile;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The exit code, once the process has ended. */
    int exitValue() {
        return process.exitValue();
    }

    /** Sends SIGTERM without waiting. */
    void signalStop() {
        if (process.isAlive()) {
            process.destroy();
        }
    }

    /** Sends SIGTERM, waits up to {@code grace} for the process to end, then kills it. */
    void stop(Duration grace) {
        signalStop();
        if (!waitFor(grace)) {
            LOGGER.atWarn()
                    .addKeyValue("process", name)
                    .addKeyValue("graceSeconds", grace.toSeconds())
                    .log("child process did not stop in time, killing it");
            kill();
        }
    }

    /** Sends SIGKILL and waits until the process is gone. */
    void kill() {
        process.destroyForcibly();
        if (!waitFor(KILL_WAIT)) {
            throw new DevStackException(name + " (pid " + process.pid() + ") survived SIGKILL");
        }
    }

    /**
     * Waits up to {@code timeout} for the process to end; true if it has. Not interruptible: stopping children is
     * bounded and must finish, so an interrupt is only remembered for the caller.
     */
    boolean waitFor(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return process.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
