package io.pushtech.tracker.domain;

import java.time.Duration;

/**
 * The limits every event and batch is held to.
 *
 * @param maxEventBytes approximate JSON size of one event
 * @param maxBatchEvents events in one batch request
 * @param maxDepth nesting depth of an event (the event object itself is level 0)
 * @param maxStringLength characters of any string
 * @param maxAge how far in the past an event's (corrected) time may be: phones send offline batches late
 * @param maxAhead how far in the future an event's (corrected) time may be
 * @param skewThreshold a client clock off by more than this (receive time minus {@code sentAt}) is corrected
 */
public record EventLimits(
        int maxEventBytes,
        int maxBatchEvents,
        int maxDepth,
        int maxStringLength,
        Duration maxAge,
        Duration maxAhead,
        Duration skewThreshold) {}
