package io.pushtech.platform;

/** The command line is wrong; the message says how, and the caller prints the usage (exit code 2). */
public final class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message, null, false, false);
    }
}
