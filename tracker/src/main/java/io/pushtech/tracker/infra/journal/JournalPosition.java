package io.pushtech.tracker.infra.journal;

/** A place in the journal: a segment and a byte offset in it, always at a record boundary. */
record JournalPosition(long segmentId, long offset) {}
