package org.telehealth.signaling.room;

import org.telehealth.events.visit.ParticipantRole;
import org.telehealth.signaling.protocol.ServerMessage;

/**
 * A participant of a room across their sockets: who they are, the socket that speaks for them now
 * (none while they are away within the reconnection grace period), their media state and what they
 * publish. The seat number tells this stay in the room from a later one of the same participant.
 * Guarded by the room's lock.
 */
final class Member {

    private final String id;
    private final ParticipantRole role;
    private final long seat;
    private Participant socket;
    private Scheduler.Cancellable returnDeadline;
    private boolean audio;
    private boolean video;
    private Publication publication = Publication.NONE;

    Member(Participant socket, long seat) {
        this.id = socket.id();
        this.role = socket.role();
        this.seat = seat;
        this.socket = socket;
    }

    String id() {
        return id;
    }

    ParticipantRole role() {
        return role;
    }

    long seat() {
        return seat;
    }

    boolean isHost() {
        return role == ParticipantRole.DOCTOR;
    }

    /** Whether {@code candidate} is the socket that speaks for this member now (by identity). */
    boolean speaksThrough(Participant candidate) {
        return socket != null && socket == candidate;
    }

    boolean isAway() {
        return socket == null;
    }

    /** Makes {@code newSocket} speak for the member and calls off the return deadline; returns the socket it replaces. */
    Participant attach(Participant newSocket) {
        Participant earlier = socket;
        socket = newSocket;
        cancelReturnDeadline();
        return earlier;
    }

    /** The socket dropped: the member is away until {@code deadline} runs or a new socket attaches. */
    void awayUntil(Scheduler.Cancellable deadline) {
        socket = null;
        cancelReturnDeadline();
        returnDeadline = deadline;
    }

    void cancelReturnDeadline() {
        if (returnDeadline != null) {
            returnDeadline.cancel();
            returnDeadline = null;
        }
    }

    /** Queues a message to the member's socket; lost while they are away (a resumed page gets the state anew). */
    void send(ServerMessage message) {
        if (socket != null) {
            socket.send(message);
        }
    }

    void closeNormally() {
        if (socket != null) {
            socket.closeNormally();
        }
    }

    boolean audio() {
        return audio;
    }

    boolean video() {
        return video;
    }

    void mediaState(boolean audio, boolean video) {
        this.audio = audio;
        this.video = video;
    }

    Publication publication() {
        return publication;
    }

    void publish(Publication publication) {
        this.publication = publication;
    }
}
