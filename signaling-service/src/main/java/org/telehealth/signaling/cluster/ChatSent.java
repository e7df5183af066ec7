package org.telehealth.signaling.cluster;

import java.util.UUID;
import org.telehealth.events.EventType;
import org.telehealth.events.visit.ParticipantRole;

/**
 * A chat line said on the origin instance, for the others to pass on to their participants in the
 * call. The topic keeps it for its short retention only (docs/architecture.md).
 */
@EventType(name = "signaling.chat-sent", version = 1)
public record ChatSent(UUID visitId, String origin, long seq, String from, ParticipantRole role, String text, String at)
        implements VisitFact {

    public ChatSent {
        RoomFact.check(visitId, origin, seq);
        RoomFact.participant(from);
        if (role == null || text == null || text.isEmpty() || text.length() > 8192 || at == null || at.isBlank()) {
            throw new IllegalArgumentException("role, text and at are required");
        }
    }
}
