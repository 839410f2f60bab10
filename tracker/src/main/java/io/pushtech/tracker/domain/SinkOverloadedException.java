package io.pushtech.tracker.domain;

/** The sink cannot take more events now (its queue or journal is full); the client should retry later. */
public final class SinkOverloadedException extends RuntimeException {

    public SinkOverloadedException(String message) {
        super(message, null, false, false);
    }
}
