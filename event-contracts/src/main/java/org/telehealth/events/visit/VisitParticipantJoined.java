package org.telehealth.events.visit;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.telehealth.events.EventType;

/**
 * A participant is in the visit, connected to its room. Topic {@code telehealth.visits}, key:
 * visit id. Ids and role only, no names (PHI).
 */
@EventType(name = "visit.participant-joined", version = 1)
public record VisitParticipantJoined(UUID visitId, String participantId, ParticipantRole role, Instant at)
        implements VisitEvent {

    public VisitParticipantJoined {
        Objects.requireNonNull(visitId, "visitId");
        Objects.requireNonNull(participantId, "participantId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(at, "at");
    }
}
