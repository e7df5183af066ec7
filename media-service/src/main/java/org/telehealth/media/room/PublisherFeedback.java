package org.telehealth.media.room;

import java.util.List;
import org.telehealth.media.rtcp.GenericNack;
import org.telehealth.media.rtcp.PictureLossIndication;
import org.telehealth.media.rtcp.ReceiverReport;
import org.telehealth.media.rtcp.ReportBlock;
import org.telehealth.media.rtcp.RtcpPacket;
import org.telehealth.media.rtcp.TransportCcFeedback;
import org.telehealth.media.srtp.SrtpPacketBuffer;

/**
 * The RTCP feedback the SFU itself sends a publisher about what it receives from them: keyframe
 * requests (PLI) and NACKs for a track, transport-cc feedback for their whole transport, and
 * receiver reports on each of their streams. Feedback goes in a compound packet led by an empty
 * receiver report of the SFU's own SSRC, as RFC 3550 §6.1 wants a compound packet to start. Keyframe requests are held to
 * one per track per {@link #KEYFRAME_REQUEST_INTERVAL_NANOS}, so receivers joining together, or a
 * loss seen by all of them, cost the publisher one keyframe.
 */
final class PublisherFeedback {

    /** One keyframe request per track per this interval. */
    static final long KEYFRAME_REQUEST_INTERVAL_NANOS = 300_000_000L;

    private static final int MAX_REPORT_BLOCKS = 31;

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

    /**
     * Sends {@code publisher} the transport-cc feedback on what arrived from them since the last
     * call, one compound packet per feedback (each is cut to fit a datagram).
     *
     * @param mediaSsrc one of the publisher's media SSRCs: the field is required, its value unused
     * @return how many feedback packets went out
     */
    int transportCc(Participant publisher, TransportWideArrivals arrivals, long mediaSsrc, long nowNanos) {
        int sent = 0;
        for (TransportCcFeedback transportCc : arrivals.feedback(sfuSsrc, mediaSsrc, nowNanos)) {
            if (send(publisher, transportCc)) {
                sent++;
            }
        }
        return sent;
    }

    /**
     * Sends {@code publisher} a receiver report from the SFU's SSRC with these report blocks about
     * their streams (at most 31, what one report holds).
     *
     * @return whether it went out
     */
    boolean receiverReport(Participant publisher, List<ReportBlock> blocks) {
        List<ReportBlock> fitting = blocks.size() > MAX_REPORT_BLOCKS ? blocks.subList(0, MAX_REPORT_BLOCKS) : blocks;
        byte[] report = new ReceiverReport(sfuSsrc, fitting).toBytes();
        return output.send(publisher, SrtpPacketBuffer.copyOf(report, 0, report.length), true);
    }

    private boolean send(Participant publisher, RtcpPacket feedback) {
        byte[] compound = RtcpPacket.toCompoundBytes(List.of(new ReceiverReport(sfuSsrc, List.of()), feedback));
        return output.send(publisher, SrtpPacketBuffer.copyOf(compound, 0, compound.length), true);
    }
}
