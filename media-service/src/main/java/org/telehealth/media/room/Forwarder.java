package org.telehealth.media.room;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.telehealth.media.rtcp.FirEntry;
import org.telehealth.media.rtcp.FullIntraRequest;
import org.telehealth.media.rtcp.GenericNack;
import org.telehealth.media.rtcp.MalformedRtcpException;
import org.telehealth.media.rtcp.PictureLossIndication;
import org.telehealth.media.rtcp.ReceiverReport;
import org.telehealth.media.rtcp.ReportBlock;
import org.telehealth.media.rtcp.RtcpCompoundParser;
import org.telehealth.media.rtcp.RtcpPacket;
import org.telehealth.media.rtcp.SenderReport;
import org.telehealth.media.rtp.MalformedRtpException;
import org.telehealth.media.rtp.RtpPacket;
import org.telehealth.media.sdp.MediaKind;
import org.telehealth.media.session.InboundDatagramRouter;
import org.telehealth.media.session.MediaSession;
import org.telehealth.media.session.MediaTransport;
import org.telehealth.media.srtp.SrtpPacketBuffer;

/**
 * Forwards each participant's decrypted media to the other participants of the room who receive
 * that track, re-encrypted for each, and brings keyframe requests (PLI, FIR) from receivers back
 * to the publisher. SSRCs travel unchanged; header extensions that name the publisher's own SDP
 * sections (mid, rid) are blanked, so receivers demultiplex by the SSRCs their answer announced.
 *
 * <p>Lost video is repaired on both hops: {@link UpstreamRepair} NACKs the publisher for what its
 * uplink lost and turns its RTX back into media; {@link DownstreamRepair} answers receivers' NACKs
 * from the copies kept of what was forwarded, with the SFU's own RTX. The publisher's RTX stream
 * itself is never forwarded.
 *
 * <p>It also keeps the RTCP conversation going on each hop: every packet's arrival is noted for
 * transport-cc feedback ({@link TransportWideArrivals}) and its stream's reception statistics
 * ({@link InboundStream}), from which the {@link FeedbackTimer} has it send publishers transport-cc
 * feedback and receiver reports; publishers' sender reports go on to receivers for lip sync, whose
 * answers give the round trip to them ({@link SenderReportRelay}).
 */
@Startup
@ApplicationScoped
public class Forwarder implements InboundDatagramRouter.MediaSink {

    private static final int ONE_BYTE_PROFILE = 0xBEDE;

    private final Function<MediaSession, Optional<Participant>> participants;
    private final ParticipantOutput output;
    private final LongSupplier nanoTime;
    private final PublisherFeedback feedback;
    private final UpstreamRepair upstream;
    private final DownstreamRepair downstream;
    private final SenderReportRelay senderReports;
    private final RetransmissionCounters retransmission = new RetransmissionCounters();
    private final ReportCounters reports = new ReportCounters();
    private final LongAdder forwarded = new LongAdder();
    private final LongAdder unknownStream = new LongAdder();
    private final LongAdder malformed = new LongAdder();

    @Inject
    public Forwarder(RoomRegistry rooms, MediaTransport transport) {
        this(rooms::participantOf, ParticipantOutput.MEDIA_SESSIONS, System::nanoTime);
        transport.deliverMediaTo(this);
    }

    /**
     * @param participants the participant whose media arrives on a session
     * @param output where packets for participants go
     * @param nanoTime a monotonic clock in nanoseconds
     */
    Forwarder(Function<MediaSession, Optional<Participant>> participants, ParticipantOutput output, LongSupplier nanoTime) {
        this.participants = participants;
        this.output = output;
        this.nanoTime = nanoTime;
        this.feedback = new PublisherFeedback(new SecureRandom().nextInt() & 0xFFFFFFFFL, output);
        this.upstream = new UpstreamRepair(feedback, retransmission);
        this.downstream = new DownstreamRepair(output, retransmission, nanoTime);
        this.senderReports = new SenderReportRelay(output, reports);
    }

    @Override
    public void accept(MediaSession from, SrtpPacketBuffer packet, boolean rtcp) {
        Participant sender = participants.apply(from).orElse(null);
        if (sender != null) {
            accept(sender, packet, rtcp);
        }
    }

    /**
     * Handles a decrypted packet from {@code sender}. The forwarder writes into its buffer, which
     * the socket allocated for this datagram alone.
     */
    void accept(Participant sender, SrtpPacketBuffer packet, boolean rtcp) {
        if (rtcp) {
            onRtcp(sender, packet);
        } else {
            onRtp(sender, packet);
        }
    }

    /** Asks the publishers of every video track {@code receiver} gets for a keyframe. */
    public void requestKeyframes(Participant receiver) {
        for (PublishedTrack track : receiver.negotiated().receivedByMid().values()) {
            if (track.kind() == MediaKind.VIDEO) {
                requestKeyframe(receiver.room(), track.ssrc());
            }
        }
    }

    /**
     * Sends {@code publisher} transport-cc feedback on the packets that arrived from them since the
     * last call, if they negotiated it. Called by the {@link FeedbackTimer} about every 100 ms.
     */
    public void sendTransportFeedback(Participant publisher) {
        TransportWideArrivals arrivals = publisher.transportWideArrivals();
        List<PublishedTrack> published = publisher.negotiated().published();
        if (arrivals != null && !published.isEmpty() && output.isConnected(publisher)) {
            int sent = feedback.transportCc(publisher, arrivals, published.get(0).ssrc(), nanoTime.getAsLong());
            reports.transportCcFeedbackSent.add(sent);
        }
    }

    /**
     * Sends {@code publisher} a receiver report with a block per track of theirs that sent a packet.
     * Called by the {@link FeedbackTimer} about once a second.
     */
    public void sendReceiverReport(Participant publisher) {
        InboundStream[] streams = publisher.inboundStreamArray();
        if (streams.length == 0 || !output.isConnected(publisher)) {
            return;
        }
        long now = nanoTime.getAsLong();
        List<ReportBlock> blocks = new ArrayList<>(streams.length);
        for (InboundStream stream : streams) {
            ReportBlock block = stream.reception().report(stream.track().ssrc(), now);
            if (block != null) {
                blocks.add(block);
            }
        }
        if (!blocks.isEmpty() && feedback.receiverReport(publisher, blocks)) {
            reports.receiverReportsSent.increment();
        }
    }

    public long packetsForwarded() {
        return forwarded.sum();
    }

    /** RTP and RTCP packets dropped because they did not parse. */
    public long packetsMalformed() {
        return malformed.sum();
    }

    /** RTP packets dropped because their SSRC is none the sender publishes. */
    public long packetsOfUnknownStreams() {
        return unknownStream.sum();
    }

    /** NACKs and retransmissions in both directions, beside {@link #packetsForwarded()}. */
    public RetransmissionCounters retransmission() {
        return retransmission;
    }

    /** The SFU's own RTCP: transport-cc feedback, receiver reports, relayed sender reports. */
    public ReportCounters reports() {
        return reports;
    }

    private void onRtp(Participant sender, SrtpPacketBuffer packet) {
        RtpPacket rtp;
        try {
            rtp = RtpPacket.parse(packet.getBuffer(), packet.getOffset(), packet.getLength());
        } catch (MalformedRtpException e) {
            malformed.increment();
            return;
        }
        long now = nanoTime.getAsLong();
        TransportWideArrivals arrivals = sender.transportWideArrivals();
        if (arrivals != null) {
            arrivals.onPacket(rtp, now);
        }
        PublishedTrack track = sender.publishedTrackCarrying(rtp.ssrc());
        if (track == null) {
            unknownStream.increment();
            return;
        }
        InboundStream inbound = sender.inboundStream(track);
        inbound.traffic().add(rtp.length(), now);
        if (track.kind() == MediaKind.VIDEO) {
            PublishedVideoStream stream = sender.videoStream(track);
            RtpPacket media = upstream.admit(sender, track, stream, rtp, now);
            if (media != null) {
                inbound.reception().onPacket(media.sequenceNumber(), media.timestamp(), now, media != rtp);
                blankPrivateExtensions(media, sender.negotiated().privateExtensionIds());
                keep(stream, media);
                forward(sender, media);
            }
        } else {
            if (rtp.ssrc() == track.ssrc()) {
                inbound.reception().onPacket(rtp.sequenceNumber(), rtp.timestamp(), now, false);
            }
            blankPrivateExtensions(rtp, sender.negotiated().privateExtensionIds());
            forward(sender, rtp);
        }
        upstream.sendDueNacks(sender, now);
    }

    /** Sends a copy of {@code rtp} to every other participant who receives its SSRC. */
    private void forward(Participant sender, RtpPacket rtp) {
        long ssrc = rtp.ssrc();
        for (Participant receiver : sender.room().participants()) {
            if (receiver != sender && receiver.receives(ssrc) && output.isConnected(receiver)) {
                SrtpPacketBuffer copy = SrtpPacketBuffer.copyOf(rtp.buffer(), rtp.offset(), rtp.length());
                if (output.send(receiver, copy, false)) {
                    forwarded.increment();
                    receiver.outbound().forwarded(rtp.length());
                }
            }
        }
    }

    /** Keeps the packet as receivers get it, to answer their NACKs. */
    private static void keep(PublishedVideoStream stream, RtpPacket rtp) {
        try {
            stream.forwarded().store(rtp.buffer(), rtp.offset(), rtp.length());
        } catch (MalformedRtpException e) {
            throw new IllegalStateException("a packet that parsed no longer does", e);
        }
    }

    private void onRtcp(Participant sender, SrtpPacketBuffer packet) {
        List<RtcpPacket> packets;
        try {
            packets = RtcpCompoundParser.parse(packet.getBuffer(), packet.getOffset(), packet.getLength());
        } catch (MalformedRtcpException e) {
            malformed.increment();
            return;
        }
        long now = nanoTime.getAsLong();
        for (RtcpPacket rtcp : packets) {
            if (rtcp instanceof SenderReport report) {
                senderReports.onSenderReport(sender, report, packets, now);
                senderReports.onReportBlocks(sender, report.reportBlocks(), now);
            } else if (rtcp instanceof ReceiverReport report) {
                senderReports.onReportBlocks(sender, report.reportBlocks(), now);
            } else if (rtcp instanceof GenericNack nack) {
                downstream.onNack(sender, nack);
            } else if (rtcp instanceof PictureLossIndication pli && sender.receives(pli.mediaSsrc())) {
                requestKeyframe(sender.room(), pli.mediaSsrc());
            } else if (rtcp instanceof FullIntraRequest fir) {
                for (FirEntry entry : fir.entries()) {
                    if (sender.receives(entry.ssrc())) {
                        requestKeyframe(sender.room(), entry.ssrc());
                    }
                }
            }
        }
    }

    private void requestKeyframe(Room room, long mediaSsrc) {
        long now = nanoTime.getAsLong();
        for (Participant publisher : room.participants()) {
            if (publisher.publishedTrack(mediaSsrc).isPresent()) {
                feedback.requestKeyframe(publisher, mediaSsrc, now);
            }
        }
    }

    /**
     * Zeroes the header extension elements with these ids, in the packet's own buffer: zeros are
     * padding, which RFC 8285 parsers skip. Done once per packet, before the copies for receivers
     * and the retransmission buffer are made.
     */
    private static void blankPrivateExtensions(RtpPacket rtp, List<Integer> ids) {
        if (ids.isEmpty() || rtp.headerExtensionProfile() == RtpPacket.NO_HEADER_EXTENSION) {
            return;
        }
        int elementHeader = rtp.headerExtensionProfile() == ONE_BYTE_PROFILE ? 1 : 2;
        for (int i = 0; i < ids.size(); i++) {
            int data = rtp.findHeaderExtension(ids.get(i));
            if (data != RtpPacket.NOT_FOUND) {
                Arrays.fill(rtp.buffer(), data - elementHeader, data + rtp.headerExtensionLengthAt(data), (byte) 0);
            }
        }
    }
}
