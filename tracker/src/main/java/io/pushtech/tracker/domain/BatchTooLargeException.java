package io.pushtech.tracker.domain;

/** A batch with more events than one request may carry; the whole batch is refused. */
public final class BatchTooLargeException extends RuntimeException {

    private final int limit;

    public BatchTooLargeException(int limit, int size) {
        super("a batch holds at most " + limit + " events, this one has " + size, null, false, false);
        this.limit = limit;
    }

    public int limit() {
        return limit;
    }
}
