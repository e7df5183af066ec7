package org.telehealth.signaling.protocol;

import java.util.List;
import org.telehealth.events.visit.ParticipantRole;

/**
 * A message the server sends to a participant's page (protocol v1). Each record's components are
 * its JSON fields; {@link #type()} is the {@code type} field that {@link ServerMessageWriter} adds.
 */
public sealed interface ServerMessage {

    /** Protocol version spoken by this server. */
    int PROTOCOL = 1;

    String type();

    /** Where the participant stands after {@code hello}. */
    record Welcome(String participantId, ParticipantRole role, String state, int protocol) implements ServerMessage {
        public static final String WAITING = "waiting";
        public static final String IN_CALL = "in-call";

        public String type() {
            return "welcome";
        }
    }

    /** To the doctor, on every change of the waiting room. */
    record WaitingRoom(List<Member> waiting) implements ServerMessage {
        public String type() {
            return "waiting-room";
        }
    }

    /** To a waiting participant the doctor let in. */
    record Admitted() implements ServerMessage {
        public String type() {
            return "admitted";
        }
    }

    /** To a waiting participant the doctor turned away; the socket closes after it. */
    record Declined() implements ServerMessage {
        public String type() {
            return "declined";
        }
    }

    /** To whoever enters the call: who is already in it. */
    record Participants(List<InCall> participants) implements ServerMessage {
        public String type() {
            return "participants";
        }
    }

    /** To the others in the call: someone entered it. */
    record ParticipantJoined(String participantId, ParticipantRole role) implements ServerMessage {
        public String type() {
            return "participant-joined";
        }
    }

    /** To the others in the call: someone left it. */
    record ParticipantLeft(String participantId, ParticipantRole role) implements ServerMessage {
        public String type() {
            return "participant-left";
        }
    }

    /** A chat line, to everyone in the call including its sender; {@code at} is ISO-8601 server time. */
    record Chat(String from, ParticipantRole role, String text, String at) implements ServerMessage {
        public String type() {
            return "chat";
        }
    }

    /** To the others in the call: someone's microphone or camera changed. */
    record MediaState(String participantId, boolean audio, boolean video) implements ServerMessage {
        public String type() {
            return "media-state";
        }
    }

    /** To everyone: the visit is over; sockets close after it. */
    record VisitEnded(String by) implements ServerMessage {
        public String type() {
            return "visit-ended";
        }
    }

    /** A refusal; see {@link ErrorCode} for the codes and which of them close the socket. */
    record Error(String code, String message) implements ServerMessage {
        public String type() {
            return "error";
        }
    }

    /** Answer to {@code ping}. */
    record Pong() implements ServerMessage {
        public String type() {
            return "pong";
        }
    }

    /** A participant as the waiting room lists them. */
    record Member(String participantId, ParticipantRole role) {
    }

    /** A participant in the call with their media state. */
    record InCall(String participantId, ParticipantRole role, boolean audio, boolean video) {
    }
}
