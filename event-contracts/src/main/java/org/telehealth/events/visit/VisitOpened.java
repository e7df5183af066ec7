package org.telehealth.events.visit;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.telehealth.events.EventType;

/**
 * The doctor opened the visit's room. Topic {@code telehealth.visits}, key: visit id (the
 * appointment's id). {@code at} is when signaling saw it happen.
 */
@EventType(name = "visit.opened", version = 1)
public record VisitOpened(UUID visitId, String doctorId, Instant at) implements VisitEvent {

    public VisitOpened {
        Objects.requireNonNull(visitId, "visitId");
        Objects.requireNonNull(doctorId, "doctorId");
        Objects.requireNonNull(at, "at");
    }
}
