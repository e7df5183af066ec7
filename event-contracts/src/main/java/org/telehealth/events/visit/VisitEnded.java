package org.telehealth.events.visit;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.telehealth.events.EventType;

/**
 * The visit is over: the doctor ended it or signaling closed the room. Topic
 * {@code telehealth.visits}, key: visit id. {@code endedBy} is the participant id of whoever ended
 * it, or {@code system} when signaling closed it on its own (everyone left, time ran out).
 */
@EventType(name = "visit.ended", version = 1)
public record VisitEnded(UUID visitId, String endedBy, Instant at) implements VisitEvent {

    /** {@code endedBy} when no participant ended the visit. */
    public static final String SYSTEM = "system";

    public VisitEnded {
        Objects.requireNonNull(visitId, "visitId");
        Objects.requireNonNull(endedBy, "endedBy");
        Objects.requireNonNull(at, "at");
    }
}
