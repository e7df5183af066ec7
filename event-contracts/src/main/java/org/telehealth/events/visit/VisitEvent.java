package org.telehealth.events.visit;

import java.time.Instant;
import java.util.UUID;

/**
 * What every event of topic {@code telehealth.visits} has: the visit it is about (the appointment's
 * id, also the record key) and when signaling saw it happen.
 */
public sealed interface VisitEvent permits VisitOpened, VisitParticipantWaiting, VisitParticipantAdmitted,
        VisitParticipantJoined, VisitParticipantLeft, VisitEnded {

    UUID visitId();

    Instant at();
}
