package org.telehealth.media.room;

import org.telehealth.media.srtp.SrtpPacketBuffer;

/**
 * Where the room's packets leave the SFU for a participant: their media session, which encrypts
 * for them and sends to their browser. An interface so that the media path can be tested by pushing
 * packets through it, without DTLS and SRTP.
 */
interface ParticipantOutput {

    /** The production output: each participant's {@link org.telehealth.media.session.MediaSession}. */
    ParticipantOutput MEDIA_SESSIONS = new ParticipantOutput() {
        @Override
        public boolean isConnected(Participant participant) {
            return participant.session().isConnected();
        }

        @Override
        public boolean send(Participant to, SrtpPacketBuffer packet, boolean rtcp) {
            return to.session().protectAndSend(packet, rtcp);
        }
    };

    /** Whether packets can reach the participant yet: asked before copying a packet for them. */
    boolean isConnected(Participant participant);

    /**
     * Sends a plain RTP or RTCP packet to the participant; the output may encrypt it in place. The
     * buffer is the caller's again when it returns (the forwarder writes the next receiver's copy
     * into it): an output that keeps the packet copies it.
     *
     * @return whether it went out
     */
    boolean send(Participant to, SrtpPacketBuffer packet, boolean rtcp);
}
