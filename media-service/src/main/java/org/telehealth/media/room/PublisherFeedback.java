package org.telehealth.media.room;

import java.util.List;
import org.telehealth.media.rtcp.GenericNack;
import org.telehealth.media.rtcp.PictureLossIndication;
import org.telehealth.media.rtcp.ReceiverReport;
import org.telehealth.media.rtcp.RtcpPacket;
import org.telehealth.media.srtp.SrtpPacketBuffer;

/**
 * The RTCP feedback the SFU itself sends a publisher about a track it receives from them: keyframe
 * requests (PLI) and NACKs. Each goes in a compound packet led by an empty receiver report of the
 * SFU's own SSRC, as RFC 3550 §6.1 wants a compound packet to start. Keyframe requests are held to
 * one per track per {@link #KEYFRAME_REQUEST_INTERVAL_NANOS}, so receivers joining together, or a
 * loss seen by all of them, cost the publisher one keyframe.
 */
final class PublisherFeedback {

    /** One keyframe request per track per this interval. */
    static final long KEYFRAME_REQUEST_INTERVAL_NANOS = 300_000_000L;

    private final long sfuSsrc;
    private final ParticipantOutput output;

    PublisherFeedback(long sfuSsrc, ParticipantOutput output) {
        this.sfuSsrc = sfuSsrc;
        this.output = output;
    }

    /** Asks {@code publisher} for a keyframe of its track {@code mediaSsrc}, unless one was asked for lately. */
    void requestKeyframe(Participant publisher, long mediaSsrc, long nowNanos) {
        if (publisher.claimKeyframeRequest(mediaSsrc, nowNanos, KEYFRAME_REQUEST_INTERVAL_NANOS)) {
            send(publisher, new PictureLossIndication(sfuSsrc, mediaSsrc));
        }
    }

    /**
     * NACKs to {@code publisher} the packets {@code lost} of its track {@code mediaSsrc}.
     *
     * @return whether the NACK went out
     */
    boolean nack(Participant publisher, long mediaSsrc, List<Integer> lost) {
        return send(publisher, new GenericNack(sfuSsrc, mediaSsrc, lost));
    }

    private boolean send(Participant publisher, RtcpPacket feedback) {
        byte[] compound = RtcpPacket.toCompoundBytes(List.of(new ReceiverReport(sfuSsrc, List.of()), feedback));
        return output.send(publisher, SrtpPacketBuffer.copyOf(compound, 0, compound.length), true);
    }
}
