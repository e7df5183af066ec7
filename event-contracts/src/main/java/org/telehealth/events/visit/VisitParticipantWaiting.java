package org.telehealth.events.visit;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.telehealth.events.EventType;

/**
 * A participant is in the visit's waiting room, not yet let in by the doctor. Topic
 * {@code telehealth.visits}, key: visit id. Ids and role only, no names (PHI).
 */
@EventType(name = "visit.participant-waiting", version = 1)
public record VisitParticipantWaiting(UUID visitId, String participantId, ParticipantRole role, Instant at)
        implements VisitEvent {

    public VisitParticipantWaiting {
        Objects.requireNonNull(visitId, "visitId");
        Objects.requireNonNull(participantId, "participantId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(at, "at");
    }
}
