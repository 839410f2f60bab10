package io.pushtech.tracker.infra.journal;

import java.io.IOException;

/** Thrown by {@link DiskJournal#append} when the records would take the journal beyond its limit; none was written. */
public final class JournalFullException extends IOException {

    private final long maxBytes;
    private final long sizeBytes;
    private final long requestedBytes;

    public JournalFullException(long maxBytes, long sizeBytes, long requestedBytes) {
        super("journal full: holds " + sizeBytes + " of " + maxBytes + " bytes, " + requestedBytes + " more requested");
        this.maxBytes = maxBytes;
        this.sizeBytes = sizeBytes;
        this.requestedBytes = requestedBytes;
    }

    /** The journal's limit in bytes. */
    public long maxBytes() {
        return maxBytes;
    }

    /** The bytes the journal held when the append was refused. */
    public long sizeBytes() {
        return sizeBytes;
    }

    /** The bytes the refused append would have taken, headers included. */
    public long requestedBytes() {
        return requestedBytes;
    }
}
