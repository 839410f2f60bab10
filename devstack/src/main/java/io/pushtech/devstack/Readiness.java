package io.pushtech.devstack;

import java.time.Duration;
import java.util.Optional;

/**
 * Waits until a part of the stack really answers, polling a probe; fails early, naming the part and where its log
 * is, when the part's child process dies or the time is up. Runs on the calling thread.
 */
final class Readiness {

    private static final long POLL_MILLIS = 50;

    /** Asks a part whether it answers; an exception counts as "not yet". */
    @FunctionalInterface
    interface Probe {
        boolean answers() throws Exception;
    }

    private Readiness() {}

    static void await(String part, Optional<ChildProcess> child, String logLocation, Duration timeout, Probe probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception lastFailure = null;
        while (System.nanoTime() < deadline) {
            if (child.isPresent() && !child.get().isAlive()) {
                throw new DevStackException(
                        part + " exited with code " + child.get().exitValue() + " while starting; see " + logLocation);
            }
            try {
                if (probe.answers()) {
                    return;
                }
            } catch (Exception e) {
                lastFailure = e;
            }
            sleep(part);
        }
        String reason = lastFailure == null ? "" : " (last error: " + lastFailure + ")";
        throw new DevStackException(
                part + " did not answer within " + timeout.toSeconds() + " s" + reason + "; see " + logLocation);
    }

    private static void sleep(String part) {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DevStackException("waiting for " + part + " was interrupted", e);
        }
    }
}
