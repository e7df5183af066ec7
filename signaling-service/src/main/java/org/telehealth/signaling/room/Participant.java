package org.telehealth.signaling.room;

import org.telehealth.events.visit.ParticipantRole;
import org.telehealth.signaling.protocol.ErrorCode;
import org.telehealth.signaling.protocol.ServerMessage;

/**
 * One admitted socket as the room sees it: who it is and how to reach it. Keeps the room logic
 * free of WebSocket types, so it can be tested with plain objects.
 */
public interface Participant {

    /** Patient id (join link {@code sub}) or Keycloak user id; never a name. */
    String id();

    ParticipantRole role();

    /** Queues a message to this participant without waiting for it to be written. */
    void send(ServerMessage message);

    /** Sends an {@code error} with this code, then closes the socket with the code's close code. */
    void close(ErrorCode reason, String message);

    /** Closes the socket normally (1000), after what was already queued. */
    void closeNormally();
}
