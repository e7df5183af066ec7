package org.telehealth.events.visit;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.telehealth.events.EventType;

/**
 * A participant left the visit (hung up, closed the page, lost the network or was removed); the
 * visit may go on. Topic {@code telehealth.visits}, key: visit id. Ids and role only, no names.
 */
@EventType(name = "visit.participant-left", version = 1)
public record VisitParticipantLeft(UUID visitId, String participantId, ParticipantRole role, Instant at)
        implements VisitEvent {

    public VisitParticipantLeft {
        Objects.requireNonNull(visitId, "visitId");
        Objects.requireNonNull(participantId, "participantId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(at, "at");
    }
}
