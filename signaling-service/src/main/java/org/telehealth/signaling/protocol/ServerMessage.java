package org.telehealth.signaling.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.UUID;
import org.telehealth.events.visit.ParticipantRole;

/**
 * A message the server sends to a participant's page (protocol v1). Each record's components are
 * its JSON fields; {@link #type()} is the {@code type} field that {@link ServerMessageWriter} adds.
 */
public sealed interface ServerMessage {

    /** Protocol version spoken by this server. */
    int PROTOCOL = 1;

    String type();

    /**
     * Where the participant stands after {@code hello}; {@code resumed} is true (and only then
     * present) when the socket took over a participant kept after their earlier socket dropped.
     * {@code iceServers} (TURN with a credential of the participant's own) comes with
     * {@code in-call} only, when TURN is configured; absent otherwise.
     */
    record Welcome(String participantId, ParticipantRole role, String state, int protocol,
            @JsonInclude(JsonInclude.Include.NON_NULL) Boolean resumed,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<IceServer> iceServers) implements ServerMessage {
        public static final String WAITING = "waiting";
        public static final String IN_CALL = "in-call";

        public Welcome(String participantId, ParticipantRole role, String state, int protocol, Boolean resumed) {
            this(participantId, role, state, protocol, resumed, List.of());
        }

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

    /** To a waiting participant the doctor let in; {@code iceServers} as in {@link Welcome}. */
    record Admitted(@JsonInclude(JsonInclude.Include.NON_EMPTY) List<IceServer> iceServers) implements ServerMessage {

        public Admitted() {
            this(List.of());
        }

        public String type() {
            return "admitted";
        }
    }

    /**
     * To each participant in the call, every half of the TURN credential's lifetime: a new credential,
     * so that an ICE restart late in a long call can still allocate a relay.
     */
    record IceServers(List<IceServer> iceServers) implements ServerMessage {
        public String type() {
            return "ice-servers";
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

    /** To the others in the call: someone's socket dropped ({@code false}) or came back within the grace period. */
    record ParticipantState(String participantId, boolean connected) implements ServerMessage {
        public String type() {
            return "participant-state";
        }
    }

    /** To the sender of a {@code media-offer}: media-service's SDP answer to it. */
    record MediaAnswer(String sdp) implements ServerMessage {
        public String type() {
            return "media-answer";
        }

        @Override
        public String toString() {
            return "MediaAnswer[sdp=<" + sdp.length() + " chars>]";
        }
    }

    /**
     * What the other participants in the call publish: how many remote tracks of each kind (the
     * receiving transceivers a page needs) and which participant each remote stream id belongs to.
     */
    record Tracks(int audio, int video, List<RemoteStream> streams) implements ServerMessage {
        public String type() {
            return "tracks";
        }
    }

    /** Every 2 s to everyone in the call with media: each participant's connection quality. */
    record Quality(List<ParticipantQuality> participants) implements ServerMessage {
        public String type() {
            return "quality";
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

    /** To each participant in the call but the doctor who asked: accept or decline this recording. */
    record RecordingConsentRequested(UUID recordingId) implements ServerMessage {
        public String type() {
            return "recording-consent-requested";
        }
    }

    /**
     * To everyone in the call: where the visit's recording stands. {@code waitingFor} (while asking
     * only) lists who has not accepted yet; {@code reason} and {@code by} (the participant whose
     * answer, arrival or departure caused it) say why a recording stopped, was declined or failed.
     */
    record RecordingState(UUID recordingId, String state,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<String> waitingFor,
            @JsonInclude(JsonInclude.Include.NON_NULL) String reason,
            @JsonInclude(JsonInclude.Include.NON_NULL) String by) implements ServerMessage {
        public static final String ASKING = "asking";
        public static final String RECORDING = "recording";
        public static final String STOPPED = "stopped";
        public static final String DECLINED = "declined";
        public static final String FAILED = "failed";

        public String type() {
            return "recording-state";
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

    /**
     * A WebRTC {@code RTCIceServer}, as the page passes it to its peer connection: TURN URIs and a
     * TURN REST API credential ({@code <expiry>:<participantId>} and its HMAC). Its text form hides
     * the credential.
     */
    record IceServer(List<String> urls, String username, String credential) {
        @Override
        public String toString() {
            return "IceServer[urls=" + urls + ", username=" + username + ", credential=<hidden>]";
        }
    }

    /** A participant as the waiting room lists them. */
    record Member(String participantId, ParticipantRole role) {
    }

    /** A remote MediaStream (msid stream id) and whose it is; {@code screen} for a screen share. */
    record RemoteStream(String participantId, String streamId, boolean screen) {
    }

    /**
     * One participant's media as media-service sees it.
     *
     * @param level {@code good}, {@code fair}, {@code poor} or {@code unknown} (media not connected yet)
     * @param lossPercent packets lost of what they send, 0 to 100
     * @param rttMs round trip between media-service and them, null until known
     * @param bitrateKbps what they send, kbit/s
     */
    record ParticipantQuality(String participantId, String level, double lossPercent, Double rttMs, long bitrateKbps) {
    }

    /** A participant in the call with their media state. */
    record InCall(String participantId, ParticipantRole role, boolean audio, boolean video) {
    }
}
