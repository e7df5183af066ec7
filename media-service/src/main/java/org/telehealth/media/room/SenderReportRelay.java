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
 *
 * <p>Of a simulcast track, each receiver gets the sender reports of the layer its
 * {@link LayerSwitcher} forwards it, on the track's SSRC, with the RTP timestamp moved onto the
 * receiver's clock and the packet and octet counts of what it was sent; the other layers' reports
 * are kept for the switcher, which lines the receiver's clock up by them at a switch. A room being
 * recorded gets them on its {@link RecordingFork} too.
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
        PublishedStream stream = publisher.publishedStream(report.senderSsrc());
        if (stream == null || stream.ssrc() != report.senderSsrc()) {
            return;
        }
        publisher.inboundStream(stream).reception().onSenderReport(report.compactNtpTimestamp(), nowNanos);
        String cname = cname(compound, report.senderSsrc());
        RecordingFork recording = publisher.room().recording();
        if (stream.track().isSimulcast()) {
            SimulcastLayers layers = publisher.simulcastLayers(stream.track());
            if (layers != null) {
                layers.onSenderReport(stream.layer(), report);
            }
        }
        if (recording != null) {
            recording.onSenderReport(publisher, stream, report, cname);
        }
        if (!stream.track().isSimulcast()) {
            relay(publisher, report, cname, nowNanos);
            return;
        }
        relayLayer(publisher, stream, report, cname, nowNanos);
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

    /** Sends {@code report}, an SR of a layer of a simulcast track, to every receiver that layer is forwarded to, as it knows it. */
    private void relayLayer(Participant publisher, PublishedStream stream, SenderReport report, String cname,
            long nowNanos) {
        long ssrc = stream.track().ssrc();
        for (Participant receiver : publisher.room().participants()) {
            LayerSwitcher switcher = receiver == publisher || !receiver.receives(ssrc) ? null : receiver.layerSwitcher(ssrc);
            SenderReport rewritten = switcher == null ? null : switcher.senderReport(stream.layer(), report);
            if (rewritten == null || !output.isConnected(receiver)) {
                continue;
            }
            byte[] compound = RtcpPacket.toCompoundBytes(cname == null ? List.of(rewritten)
                    : List.of(rewritten, SourceDescription.cname(ssrc, cname)));
            if (output.send(receiver, SrtpPacketBuffer.copyOf(compound, 0, compound.length), true)) {
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
