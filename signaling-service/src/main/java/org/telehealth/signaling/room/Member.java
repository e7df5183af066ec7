package org.telehealth.signaling.room;

import org.telehealth.events.visit.ParticipantRole;
import org.telehealth.signaling.protocol.ErrorCode;
import org.telehealth.signaling.protocol.ServerMessage;

/**
 * A participant of a room whose socket this instance holds, across their sockets: who they are, the
 * socket that speaks for them now (none while they are away within the reconnection grace period),
 * their media state and what they publish. The seat number tells this stay in the room from a later
 * one of the same participant; the seat id ({@code <instance>/<seat>}) tells it apart across
 * instances, and the claim number is the number of the fact that announced the seat. Guarded by the
 * room's lock.
 */
final class Member {

    private final String id;
    private final ParticipantRole role;
    private final long seat;
    private final String seatId;
    private long claim;
    private Participant socket;
    private Scheduler.Cancellable returnDeadline;
    private boolean audio;
    private boolean video;
    private boolean media;
    private Publication publication = Publication.NONE;

    Member(Participant socket, long seat, String instance) {
        this.id = socket.id();
        this.role = socket.role();
        this.seat = seat;
        this.seatId = instance + "/" + seat;
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

    String seatId() {
        return seatId;
    }

    /** The number of the fact that announced this seat to the other instances. */
    long claim() {
        return claim;
    }

    void claimed(long factSeq) {
        this.claim = factSeq;
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

    /** Closes the socket that speaks for the member, if any, with an error. */
    void close(ErrorCode reason, String message) {
        if (socket != null) {
            socket.close(reason, message);
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

    /** Whether they were added to the visit's media room. */
    boolean media() {
        return media;
    }

    void media(boolean media) {
        this.media = media;
    }

    /** The member as the room's messages and facts see them, in {@code place}. */
    MemberView view(MemberView.Place place) {
        return new MemberView(id, role, place, !isAway(), audio, video, media, publication);
    }

    Publication publication() {
        return publication;
    }

    void publish(Publication publication) {
        this.publication = publication;
    }
}
