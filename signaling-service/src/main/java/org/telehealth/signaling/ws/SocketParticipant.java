package org.telehealth.signaling.ws;

import org.telehealth.events.visit.ParticipantRole;
import org.telehealth.signaling.protocol.ErrorCode;
import org.telehealth.signaling.protocol.ServerMessage;
import org.telehealth.signaling.room.Participant;

/** A socket admitted to a visit: its grant plus the way to write to it. Compared by identity. */
final class SocketParticipant implements Participant {

    private final String id;
    private final ParticipantRole role;
    private final ConnectionSender out;

    SocketParticipant(String id, ParticipantRole role, ConnectionSender out) {
        this.id = id;
        this.role = role;
        this.out = out;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public ParticipantRole role() {
        return role;
    }

    @Override
    public void send(ServerMessage message) {
        out.send(message);
    }

    @Override
    public void close(ErrorCode reason, String message) {
        out.fail(reason, message);
    }

    @Override
    public void closeNormally() {
        out.closeNormally();
    }
}
