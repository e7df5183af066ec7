package org.telehealth.events.media;

import java.util.Objects;
import org.telehealth.events.EventType;

/**
 * A participant's media is flowing: ICE and DTLS completed with the media-service instance. Topic
 * {@code telehealth.media}, key: room id. Signaling shows the participant as connected.
 */
@EventType(name = "media.participant-connected", version = 1)
public record MediaParticipantConnected(String roomId, String participantId, String instanceId) {

    public MediaParticipantConnected {
        Objects.requireNonNull(roomId, "roomId");
        Objects.requireNonNull(participantId, "participantId");
        Objects.requireNonNull(instanceId, "instanceId");
    }
}
