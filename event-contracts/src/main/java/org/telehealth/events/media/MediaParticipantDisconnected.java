package org.telehealth.events.media;

import java.util.Objects;
import org.telehealth.events.EventType;

/**
 * A participant's media stopped: removed by signaling, their room closed, or their browser stopped
 * consenting (RFC 7675: no check answered for 30 s, e.g. a dropped network). Topic
 * {@code telehealth.media}, key: room id.
 */
@EventType(name = "media.participant-disconnected", version = 1)
public record MediaParticipantDisconnected(String roomId, String participantId, String instanceId, Reason reason) {

    public enum Reason {
        /** Signaling removed the participant. */
        REMOVED,
        /** Signaling closed the room. */
        ROOM_CLOSED,
        /** The browser stopped answering consent checks. */
        CONSENT_LAPSED
    }

    public MediaParticipantDisconnected {
        Objects.requireNonNull(roomId, "roomId");
        Objects.requireNonNull(participantId, "participantId");
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(reason, "reason");
    }
}
