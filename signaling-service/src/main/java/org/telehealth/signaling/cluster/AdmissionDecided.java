package org.telehealth.signaling.cluster;

import java.util.UUID;
import org.telehealth.events.EventType;

/**
 * A host on the origin instance admitted ({@code admit}) or declined a participant who waits on
 * another instance. A command, not a fact: the instance that holds the waiting participant applies
 * it (as if its own host had decided) and announces the outcome; the others ignore it.
 */
@EventType(name = "signaling.admission-decided", version = 1)
public record AdmissionDecided(UUID visitId, String origin, long seq, String participantId, boolean admit, String by)
        implements VisitFact {

    public AdmissionDecided {
        RoomFact.check(visitId, origin, seq);
        RoomFact.participant(participantId);
        RoomFact.participant(by);
    }
}
