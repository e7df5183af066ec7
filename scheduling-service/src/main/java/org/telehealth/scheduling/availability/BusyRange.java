package org.telehealth.scheduling.availability;

import java.time.Instant;

/** A time in which a doctor is already booked (an active appointment); half-open, like appointments. */
public record BusyRange(Instant start, Instant end) {

    public BusyRange {
        if (start == null || end == null || !end.isAfter(start)) {
            throw new IllegalArgumentException("a busy range must end after it starts: " + start + ".." + end);
        }
    }
}
