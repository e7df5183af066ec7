package org.telehealth.signaling.room;

import java.util.List;
import org.telehealth.signaling.protocol.ServerMessage;

/**
 * The ICE servers a participant gets on entering the call, on resuming in it and again while in it:
 * TURN with a credential of their own, issued at that moment. The room asks for them for
 * participants in the call only, never for someone waiting: a relay is of no use before admission,
 * and a credential handed to someone the doctor may still decline would outlive the decision.
 */
public interface CallRelays {

    /** TURN is not configured: nobody gets ICE servers and the pages use their own host candidates. */
    CallRelays NONE = participantId -> List.of();

    /** The ICE servers for this participant now; empty when TURN is off. */
    List<ServerMessage.IceServer> iceServersFor(String participantId);
}
