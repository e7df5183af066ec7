package org.telehealth.signaling.protocol;

import java.util.UUID;

/** A message a participant's page sends, as {@link ClientMessageParser} accepted it (protocol v1). */
public sealed interface ClientMessage {

    /** First message of every socket: protocol version and the bearer token. */
    record Hello(int protocol, String token) implements ClientMessage {
        @Override
        public String toString() {
            return "Hello[protocol=" + protocol + ", token=<redacted>]";
        }
    }

    /** The doctor lets a waiting participant into the call. */
    record Admit(String participantId) implements ClientMessage {
    }

    /** The doctor refuses a waiting participant. */
    record Decline(String participantId) implements ClientMessage {
    }

    /** A chat line to everyone in the call. */
    record Chat(String text) implements ClientMessage {
    }

    /** The sender's microphone and camera switched on or off. */
    record MediaState(boolean audio, boolean video) implements ClientMessage {
    }

    /**
     * The page's SDP offer for its one peer connection (camera, microphone, screen, and receiving
     * sections for the others); answered by {@code media-answer}. The SDP holds ICE credentials, so
     * it never appears in logs.
     */
    record MediaOffer(String sdp) implements ClientMessage {
        @Override
        public String toString() {
            return "MediaOffer[sdp=<" + sdp.length() + " chars>]";
        }
    }

    /** The sender hangs up. */
    record Leave() implements ClientMessage {
    }

    /** The doctor ends the visit for everyone. */
    record EndVisit() implements ClientMessage {
    }

    /** The doctor asks to record the call; everyone else in it is asked for their consent. */
    record RecordingStart() implements ClientMessage {
    }

    /**
     * A participant's answer to a recording request they were asked about; while the recording runs,
     * {@code accept = false} withdraws their consent.
     */
    record RecordingConsent(UUID recordingId, boolean accept) implements ClientMessage {
    }

    /** The doctor stops the recording, or drops a request still waiting for consent. */
    record RecordingStop() implements ClientMessage {
    }

    /** Keep-alive; answered by {@code pong}. */
    record Ping() implements ClientMessage {
    }
}
