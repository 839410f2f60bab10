package io.pushtech.common.event;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

/** Unique, time-ordered event ids (UUID version 7). Thread-safe. */
public final class EventIds {

    private final TimeBasedEpochGenerator generator = Generators.timeBasedEpochGenerator();

    public String next() {
        return generator.generate().toString();
    }
}
