package org.telehealth.media.room;

import java.util.List;
import org.telehealth.media.retransmission.RtxPayloadTypes;
import org.telehealth.media.retransmission.RtxUnwrapper;
import org.telehealth.media.retransmission.UpstreamNackGenerator;
import org.telehealth.media.rtp.MalformedRtpException;
import org.telehealth.media.rtp.RtpPacket;

/**
 * Repairs, once at the SFU, what a publisher's uplink loses from its video tracks, before the
 * receivers see the loss: finds the missing packets and NACKs them to the publisher; takes the
 * publisher's RTX packets apart into the originals, of which it passes on only the ones it was
 * missing; and drops any packet it already forwarded (late RTX answers, RTX bandwidth probes, which
 * resend recent packets). Receivers never get the publisher's RTX stream: towards them the SFU
 * sends its own (see {@link DownstreamRepair}).
 */
final class UpstreamRepair {

    private final PublisherFeedback feedback;
    private final RetransmissionCounters counters;

    UpstreamRepair(PublisherFeedback feedback, RetransmissionCounters counters) {
        this.feedback = feedback;
        this.counters = counters;
    }

    /**
     * What to forward for {@code rtp}, a packet of {@code publisher}'s video stream {@code published}
     * (whose repair state is {@code stream}), its media or its RTX: the packet itself, the original
     * an RTX packet carried, or null when it brings nothing new. Notes the arrival for loss
     * detection, and asks for a keyframe when more was lost than NACKs can fetch. Runs per packet.
     */
    RtpPacket admit(Participant publisher, PublishedStream published, PublishedVideoStream stream, RtpPacket rtp,
            long nowNanos) {
        boolean rtx = rtp.ssrc() != published.ssrc();
        if (rtx && !RtxUnwrapper.carriesOriginal(rtp)) {
            return null; // padding only: a bandwidth probe
        }
        int sequenceNumber = rtx ? RtxUnwrapper.originalSequenceNumber(rtp) : rtp.sequenceNumber();
        if (stream.forwarded().contains(sequenceNumber)) {
            counters.duplicatesDropped.increment();
            return null;
        }
        RtpPacket media = rtp;
        if (rtx) {
            media = unwrap(publisher, stream, rtp);
            if (media == null) {
                return null;
            }
            counters.rtxRecovered.increment();
        }
        if (stream.missing().onPacket(sequenceNumber, nowNanos) == UpstreamNackGenerator.Arrival.AFTER_LARGE_GAP) {
            feedback.requestKeyframe(publisher, published.ssrc(), nowNanos);
        }
        return media;
    }

    /**
     * NACKs to {@code publisher} the missing packets of its video streams that are due. Called on
     * each of its packets, audio too, which drives the retries (see {@link UpstreamNackGenerator}).
     */
    void sendDueNacks(Participant publisher, long nowNanos) {
        for (PublishedVideoStream stream : publisher.videoStreams()) {
            List<Integer> lost = stream.missing().due(nowNanos);
            if (!lost.isEmpty() && feedback.nack(publisher, stream.mediaSsrc(), lost)) {
                counters.upstreamNacksSent.increment();
            }
        }
    }

    /** The original in {@code rtx}, or null if its payload type is not one the publisher's answer bound to an original. */
    private static RtpPacket unwrap(Participant publisher, PublishedVideoStream stream, RtpPacket rtx) {
        int originalPayloadType = publisher.rtxPayloadTypes().originalFor(rtx.payloadType());
        if (originalPayloadType == RtxPayloadTypes.NONE) {
            return null;
        }
        byte[] original = stream.rtx().unwrap(rtx, originalPayloadType);
        try {
            return RtpPacket.parse(original, 0, original.length);
        } catch (MalformedRtpException e) {
            return null; // unreachable: the RTX packet parsed, and the original has its header
        }
    }
}
