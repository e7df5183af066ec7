package org.telehealth.events.visit;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.telehealth.events.EventType;

/**
 * The doctor let a participant in from the waiting room; {@code joined} follows once their
 * page connects. Topic {@code telehealth.visits}, key: visit id. Ids and role only, no names.
 */
@EventType(name = "visit.participant-admitted", version = 1)
public record VisitParticipantAdmitted(UUID visitId, String participantId, ParticipantRole role, Instant at)
        implements VisitEvent {

    public VisitParticipantAdmitted {
        Objects.requireNonNull(visitId, "visitId");
        Objects.requireNonNull(participantId, "participantId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(at, "at");
    }
}
