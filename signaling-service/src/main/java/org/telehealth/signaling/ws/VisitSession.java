package org.telehealth.signaling.ws;

import static org.telehealth.signaling.protocol.ErrorCode.HELLO_REQUIRED;
import static org.telehealth.signaling.protocol.ErrorCode.HELLO_TIMEOUT;
import static org.telehealth.signaling.protocol.ErrorCode.NOT_ALLOWED;
import static org.telehealth.signaling.protocol.ErrorCode.RATE_LIMITED;
import static org.telehealth.signaling.protocol.ErrorCode.UNSUPPORTED_PROTOCOL;

import java.util.UUID;
import org.telehealth.signaling.auth.Caller;
import org.telehealth.signaling.auth.TokenAuthenticator;
import org.telehealth.signaling.auth.VisitAdmission;
import org.telehealth.signaling.media.MediaRelay;
import org.telehealth.signaling.protocol.ClientMessage;
import org.telehealth.signaling.protocol.ClientMessageParser;
import org.telehealth.signaling.protocol.ServerMessage;
import org.telehealth.signaling.protocol.SignalingException;
import org.telehealth.signaling.recording.VisitRecordings;
import org.telehealth.signaling.room.VisitRoom;
import org.telehealth.signaling.room.VisitRooms;

/**
 * One socket's life: waiting for {@code hello}, then a participant of a room, then closed. It is
 * the one place where a {@link SignalingException} becomes an {@code error} message, followed by a
 * close when the code says so; any refused message leaves the room as it was. A socket that closes
 * on its own leaves its participant to the room's reconnection grace period; {@code leave} and
 * errors that close the socket remove them at once.
 */
final class VisitSession {

    private enum State { AWAITING_HELLO, JOINED, CLOSED }

    /** What a session needs from the application, shared by all sessions. */
    record Collaborators(ClientMessageParser parser, TokenAuthenticator authenticator, VisitAdmission admission,
            VisitRooms rooms, MediaRelay media, VisitRecordings recordings) {
    }

    private final UUID visitId;
    private final ConnectionSender out;
    private final MessageRateLimiter limiter;
    private final Collaborators app;
    private State state = State.AWAITING_HELLO;
    private SocketParticipant participant;
    private VisitRoom room;

    VisitSession(UUID visitId, ConnectionSender out, MessageRateLimiter limiter, Collaborators app) {
        this.visitId = visitId;
        this.out = out;
        this.limiter = limiter;
        this.app = app;
    }

    synchronized void receive(String frame) {
        if (state == State.CLOSED) {
            return;
        }
        switch (limiter.acquire(System.nanoTime())) {
            case LIMITED -> out.error(RATE_LIMITED, "slow down: too many messages");
            case ABUSIVE -> fail(new SignalingException(RATE_LIMITED, "too many messages"));
            case ALLOWED -> {
                try {
                    handle(app.parser().parse(frame));
                } catch (SignalingException e) {
                    fail(e);
                }
            }
        }
    }

    synchronized void helloTimedOut() {
        if (state == State.AWAITING_HELLO) {
            fail(new SignalingException(HELLO_TIMEOUT, "no hello in time"));
        }
    }

    /** The socket is gone, whoever closed it: a participant still here is kept for the grace period. */
    synchronized void closed() {
        if (state == State.JOINED) {
            room.disconnected(participant);
        }
        state = State.CLOSED;
    }

    private void handle(ClientMessage message) {
        if (state == State.AWAITING_HELLO) {
            if (!(message instanceof ClientMessage.Hello hello)) {
                throw new SignalingException(HELLO_REQUIRED, "the first message must be hello");
            }
            join(hello);
            return;
        }
        if (message instanceof ClientMessage.Hello) {
            throw new SignalingException(NOT_ALLOWED, "hello was already received");
        } else if (message instanceof ClientMessage.Admit admit) {
            room.admit(participant, admit.participantId());
        } else if (message instanceof ClientMessage.Decline decline) {
            room.decline(participant, decline.participantId());
        } else if (message instanceof ClientMessage.Chat chat) {
            room.chat(participant, chat.text());
        } else if (message instanceof ClientMessage.MediaOffer offer) {
            app.media().offer(room, participant, offer.sdp());
        } else if (message instanceof ClientMessage.MediaState media) {
            room.mediaState(participant, media.audio(), media.video());
        } else if (message instanceof ClientMessage.RecordingStart) {
            app.recordings().start(room, participant);
        } else if (message instanceof ClientMessage.RecordingConsent consent) {
            app.recordings().consent(room, participant, consent.recordingId(), consent.accept());
        } else if (message instanceof ClientMessage.RecordingStop) {
            app.recordings().stop(room, participant);
        } else if (message instanceof ClientMessage.EndVisit) {
            room.end(participant);
        } else if (message instanceof ClientMessage.Leave) {
            leaveRoom();
            out.closeNormally();
        } else if (message instanceof ClientMessage.Ping) {
            out.send(new ServerMessage.Pong());
        }
    }

    private void join(ClientMessage.Hello hello) {
        if (hello.protocol() != ServerMessage.PROTOCOL) {
            throw new SignalingException(UNSUPPORTED_PROTOCOL, "this server speaks protocol " + ServerMessage.PROTOCOL);
        }
        Caller caller = app.authenticator().authenticate(hello.token());
        VisitAdmission.Grant grant = app.admission().admit(caller, visitId);
        SocketParticipant admitted = new SocketParticipant(grant.participantId(), grant.role(), out);
        VisitRoom joined = app.rooms().join(visitId, admitted);
        participant = admitted;
        room = joined;
        state = State.JOINED;
        app.recordings().caughtUp(joined, admitted);
    }

    private void fail(SignalingException e) {
        if (e.code().closesConnection()) {
            leaveRoom();
            out.fail(e.code(), e.getMessage());
        } else {
            out.error(e.code(), e.getMessage());
        }
    }

    private void leaveRoom() {
        if (state == State.JOINED) {
            room.leave(participant);
        }
        state = State.CLOSED;
    }
}
