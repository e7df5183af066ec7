package org.telehealth.events.media;

import java.util.Objects;
import org.telehealth.events.EventType;

/**
 * A participant's media could not be set up: their browser never completed a connectivity check,
 * or the DTLS handshake failed (for example a certificate that does not match the SDP). Topic
 * {@code telehealth.media}, key: room id. Signaling may ask the browser to restart ICE or rejoin.
 */
@EventType(name = "media.participant-failed", version = 1)
public record MediaParticipantFailed(String roomId, String participantId, String instanceId, Reason reason) {

    public enum Reason {
        /** No connectivity check succeeded in time: a firewall, or a browser that went away. */
        NEVER_CONNECTED,
        /** ICE succeeded but DTLS did not. */
        DTLS_FAILED
    }

    public MediaParticipantFailed {
        Objects.requireNonNull(roomId, "roomId");
        Objects.requireNonNull(participantId, "participantId");
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(reason, "reason");
    }
}
