package org.telehealth.media.room;

import java.util.List;
import java.util.Optional;
import org.telehealth.media.rtcp.ReportBlock;
import org.telehealth.media.rtcp.RtcpPacket;
import org.telehealth.media.rtcp.SenderReport;
import org.telehealth.media.rtcp.SourceDescription;
import org.telehealth.media.srtp.SrtpPacketBuffer;

/**
 * Passes a publisher's sender reports on to the receivers of the track each describes. A receiving
 * browser maps the track's RTP timestamps to the publisher's wall clock with them, and lines up the
 * audio and video that share a CNAME by that clock: without SRs, lip sync drifts. A receiver gets
 * the SR with the same sender info and no report blocks (those describe what the publisher
 * receives: none of the receivers' business), then the publisher's CNAME for the SSRC if the
 * publisher's compound packet carried it. Each relay is noted with the receiver
 * ({@link RelayedSenderReports}), whose report blocks then give the round trip to them; the SR is
 * also noted with the publisher's stream, for the LSR and DLSR of the SFU's receiver reports.
 */
final class SenderReportRelay {

    private final ParticipantOutput output;
    private final ReportCounters counters;

    SenderReportRelay(ParticipantOutput output, ReportCounters counters) {
        this.output = output;
        this.counters = counters;
    }

    /**
     * Handles an SR {@code publisher} sent in {@code compound}: if it is about one of their media
     * SSRCs, notes it for the receiver reports the SFU sends them, and relays it. SRs of their RTX
     * streams concern nobody else: receivers get the SFU's own RTX.
     */
    void onSenderReport(Participant publisher, SenderReport report, List<RtcpPacket> compound, long nowNanos) {
        PublishedTrack track = publisher.publishedTrackCarrying(report.senderSsrc());
        if (track != null && track.ssrc() == report.senderSsrc()) {
            publisher.inboundStream(track).reception().onSenderReport(report.compactNtpTimestamp(), nowNanos);
            relay(publisher, report, cname(compound, report.senderSsrc()), nowNanos);
        }
    }

    /** Takes the round trip to {@code receiver} from its report blocks about the streams it receives. */
    void onReportBlocks(Participant receiver, List<ReportBlock> blocks, long nowNanos) {
        for (ReportBlock block : blocks) {
            if (receiver.receives(block.ssrc())) {
                receiver.relayedSenderReports().onReportBlock(block, nowNanos);
            }
        }
    }

    /**
     * Sends {@code report}, an SR of {@code publisher}'s media SSRC, to every other participant who
     * receives that track.
     *
     * @param cname the publisher's CNAME for the SSRC from the same compound packet, or null
     */
    private void relay(Participant publisher, SenderReport report, String cname, long nowNanos) {
        long ssrc = report.senderSsrc();
        SenderReport senderInfo = new SenderReport(ssrc, report.ntpTimestamp(), report.rtpTimestamp(),
                report.packetCount(), report.octetCount(), List.of());
        byte[] compound = RtcpPacket.toCompoundBytes(cname == null ? List.of(senderInfo)
                : List.of(senderInfo, SourceDescription.cname(ssrc, cname)));
        for (Participant receiver : publisher.room().participants()) {
            if (receiver != publisher && receiver.receives(ssrc) && output.isConnected(receiver)
                    && output.send(receiver, SrtpPacketBuffer.copyOf(compound, 0, compound.length), true)) {
                receiver.relayedSenderReports().sent(ssrc, report.compactNtpTimestamp(), nowNanos);
                counters.senderReportsRelayed.increment();
            }
        }
    }

    /** The CNAME the compound packet's SDES gives for {@code ssrc}, or null. */
    private static String cname(List<RtcpPacket> compound, long ssrc) {
        for (RtcpPacket rtcp : compound) {
            if (rtcp instanceof SourceDescription description) {
                Optional<String> cname = description.cnameOf(ssrc);
                if (cname.isPresent()) {
                    return cname.get();
                }
            }
        }
        return null;
    }
}
