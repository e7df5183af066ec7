package org.telehealth.signaling.cluster;

import java.util.UUID;
import org.telehealth.events.EventType;

/** The participant on this seat left the waiting room or the call (leave, declined, cut off, grace run out). */
@EventType(name = "signaling.member-left", version = 1)
public record MemberLeft(UUID visitId, String origin, long seq, String participantId, String seat) implements VisitFact {

    public MemberLeft {
        RoomFact.check(visitId, origin, seq);
        RoomFact.participant(participantId);
        if (seat == null || seat.isBlank()) {
            throw new IllegalArgumentException("seat is missing");
        }
    }
}
