package io.pushtech.devstack;

/** A part of the development stack failed to start or to answer; the message names the part and its log file. */
public final class DevStackException extends RuntimeException {

    DevStackException(String message) {
        super(message);
    }

    DevStackException(String message, Throwable cause) {
        super(message, cause);
    }
}
