package org.telehealth.signaling.cluster;

import java.util.UUID;
import org.telehealth.events.EventType;

/** A host on the origin instance ended the visit: every instance closes its sockets of it and refuses later joins. */
@EventType(name = "signaling.visit-ended", version = 1)
public record VisitEndedByHost(UUID visitId, String origin, long seq, String by) implements VisitFact {

    public VisitEndedByHost {
        RoomFact.check(visitId, origin, seq);
        RoomFact.participant(by);
    }
}
