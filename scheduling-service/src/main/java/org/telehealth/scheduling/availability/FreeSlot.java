package org.telehealth.scheduling.availability;

import java.time.Instant;

/**
 * A bookable slot of a doctor: instants, so that every viewer sees it in their own zone. Half-open,
 * so that a slot ending at 10:00 and one starting at 10:00 do not overlap.
 */
public record FreeSlot(Instant start, Instant end) {

    public FreeSlot {
        if (start == null || end == null || !end.isAfter(start)) {
            throw new IllegalArgumentException("a slot must end after it starts: " + start + ".." + end);
        }
    }
}
