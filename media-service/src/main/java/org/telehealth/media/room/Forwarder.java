package org.telehealth.media.room;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.telehealth.media.control.ControlException;
import org.telehealth.media.payload.VideoPayloadFormat;
import org.telehealth.media.rtcp.FirEntry;
import org.telehealth.media.rtcp.FullIntraRequest;
import org.telehealth.media.rtcp.GenericNack;
import org.telehealth.media.rtcp.MalformedRtcpException;
import org.telehealth.media.rtcp.PictureLossIndication;
import org.telehealth.media.rtcp.ReceiverEstimatedMaxBitrate;
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
import org.telehealth.media.srtp.SrtpPacketBufferPool;
import org.telehealth.media.transport.UdpMediaSocket;

/**
 * Forwards each participant's decrypted media to the other participants of the room who receive
 * that track, re-encrypted for each, and brings keyframe requests (PLI, FIR) from receivers back
 * to the publisher. Each receiver's copy is written by the {@link DownstreamPacketWriter}: the
 * publisher's header extensions (mid, rid, its transport-wide sequence number) give way to the
 * receiver's (abs-send-time stamped now, the audio level), and its payload type takes the
 * receiver's number for the format ({@link PayloadTypes}: browsers number codecs differently), so
 * receivers demultiplex by the SSRCs their answer announced and decode whichever browser published.
 * A track sent whole keeps its SSRCs, sequence numbers and timestamps; of a simulcast track, whose
 * layers' SSRCs the SFU learns from their rids, each receiver gets the layer its
 * {@link LayerSelector} chose, renumbered by its {@link LayerSwitcher} into one stream.
 *
 * <p>Lost video is repaired on both hops: {@link UpstreamRepair} NACKs the publisher for what its
 * uplink lost and turns its RTX back into media; {@link DownstreamRepair} answers receivers' NACKs
 * from the copies kept of what was forwarded, with the SFU's own RTX. The publisher's RTX stream
 * itself is never forwarded.
 *
 * <p>It also keeps the RTCP conversation going on each hop: every packet's arrival is noted for
 * transport-cc feedback ({@link TransportWideArrivals}) and its stream's reception statistics
 * ({@link InboundStream}), from which the {@link FeedbackTimer} has it send publishers transport-cc
 * feedback and receiver reports, and choose receivers' layers; publishers' sender reports go on to
 * receivers for lip sync, whose answers give the round trip to them ({@link SenderReportRelay});
 * receivers' REMBs tell what they can take ({@link ReceiverBandwidth}).
 *
 * <p>A room being recorded has a {@link RecordingFork}: every packet forwarded and sender report
 * relayed is offered to it too (one null check per packet for the other rooms).
 */
@Startup
@ApplicationScoped
public class Forwarder implements InboundDatagramRouter.MediaSink {

    /**
     * The array size of a buffer receivers' copies are written into: any datagram the socket
     * accepts, plus the one extension element a copy may gain and SRTP's trailer. A longer copy
     * gets a larger array (see {@link SrtpPacketBuffer#reset}).
     */
    static final int COPY_BUFFER_BYTES = UdpMediaSocket.MAX_DATAGRAM + 64;

    private final Function<MediaSession, Participant> participants;
    private final ParticipantOutput output;
    private final LongSupplier nanoTime;
    private final PublisherFeedback feedback;
    private final UpstreamRepair upstream;
    private final DownstreamRepair downstream;
    private final SenderReportRelay senderReports;
    private final LayerSelection layerSelection;
    private final RetransmissionCounters retransmission = new RetransmissionCounters();
    private final ReportCounters reports = new ReportCounters();
    private final LongAdder forwarded = new LongAdder();
    private final LongAdder unknownStream = new LongAdder();
    private final LongAdder malformed = new LongAdder();
    /** Receivers' copies are written here: a couple of buffers per thread serve every packet. */
    private final SrtpPacketBufferPool buffers = new SrtpPacketBufferPool(COPY_BUFFER_BYTES, 4);

    @Inject
    public Forwarder(RoomRegistry rooms, MediaTransport transport) {
        this(rooms::participantOf, ParticipantOutput.MEDIA_SESSIONS, System::nanoTime);
        transport.deliverMediaTo(this);
    }

    /**
     * @param participants the participant whose media arrives on a session, or null
     * @param output where packets for participants go
     * @param nanoTime a monotonic clock in nanoseconds
     */
    Forwarder(Function<MediaSession, Participant> participants, ParticipantOutput output, LongSupplier nanoTime) {
        this.participants = participants;
        this.output = output;
        this.nanoTime = nanoTime;
        this.feedback = new PublisherFeedback(new SecureRandom().nextInt() & 0xFFFFFFFFL, output);
        this.upstream = new UpstreamRepair(feedback, retransmission);
        this.downstream = new DownstreamRepair(output, retransmission, nanoTime);
        this.senderReports = new SenderReportRelay(output, reports);
        this.layerSelection = new LayerSelection(feedback);
    }

    @Override
    public void accept(MediaSession from, SrtpPacketBuffer packet, boolean rtcp) {
        Participant sender = participants.apply(from);
        if (sender != null) {
            accept(sender, packet, rtcp);
        }
    }

    /**
     * Handles a decrypted packet from {@code sender}. The packet's buffer is the forwarder's for
     * the call only (the socket reads the next datagram into it): what is kept is copied.
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
                requestKeyframe(receiver, track.ssrc());
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
     * Sends {@code publisher} a receiver report with a block per stream of theirs that sent a
     * packet. Called by the {@link FeedbackTimer} about once a second.
     */
    public void sendReceiverReport(Participant publisher) {
        InboundStream[] streams = publisher.inboundStreamArray();
        if (streams.length == 0 || !output.isConnected(publisher)) {
            return;
        }
        long now = nanoTime.getAsLong();
        List<ReportBlock> blocks = new ArrayList<>(streams.length);
        for (InboundStream stream : streams) {
            ReportBlock block = stream.reception().report(stream.ssrc(), now);
            if (block != null) {
                blocks.add(block);
            }
        }
        if (!blocks.isEmpty() && feedback.receiverReport(publisher, blocks)) {
            reports.receiverReportsSent.increment();
        }
    }

    /**
     * Chooses the layer of each simulcast track {@code receiver} gets ({@link LayerSelection}).
     * Called by the {@link FeedbackTimer} about every 100 ms.
     */
    public void selectLayers(Participant receiver) {
        layerSelection.select(receiver, nanoTime.getAsLong());
    }

    /**
     * Starts copying {@code room}'s media to a recorder at {@code target} ({@link RecordingFork}),
     * on the output {@code connect} opens; a fork to the same target already running is kept.
     *
     * @param host the recorder's host as the control API was given it
     * @return the fork that runs now
     * @throws org.telehealth.media.control.ControlException (409) if the room is being recorded elsewhere
     */
    public RecordingFork startRecording(Room room, String host, InetSocketAddress target,
            Function<InetSocketAddress, ForkOutput> connect) {
        RecordingFork running = room.recording();
        if (running == null) {
            ForkOutput opened = connect.apply(target);
            RecordingFork fork = new RecordingFork(room, host, target, opened, feedback::requestKeyframe);
            running = room.startRecording(fork);
            if (running != fork) {
                opened.close();
            }
        }
        if (!running.target().equals(target)) {
            throw ControlException.conflict("room " + room.id() + " is being recorded to another address: stop that first");
        }
        return running;
    }

    /** Stops recording {@code room}, if it is: the recorder gets a BYE for every track. */
    public boolean stopRecording(Room room) {
        return room.stopRecording();
    }

    /** The recording fork's share of the feedback timer's tick ({@link RecordingFork#tick}), if the room is recorded. */
    public void tickRecording(Room room) {
        RecordingFork recording = room.recording();
        if (recording != null) {
            recording.tick(nanoTime.getAsLong());
        }
    }

    public long packetsForwarded() {
        return forwarded.sum();
    }

    /** Buffers allocated for receivers' copies since start: a few per thread that forwards, however many packets. */
    long copyBuffersAllocated() {
        return buffers.buffersAllocated();
    }

    /** RTP and RTCP packets dropped because they did not parse. */
    public long packetsMalformed() {
        return malformed.sum();
    }

    /** RTP packets dropped because their SSRC is none the sender publishes. */
    public long packetsOfUnknownStreams() {
        return unknownStream.sum();
    }

    /** Target layers the selectors set, the first of each receiver's simulcast tracks included. */
    public long layerTargetsSet() {
        return layerSelection.targetsSet();
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
        PublishedStream stream = sender.publishedStream(rtp.ssrc());
        if (stream == null) {
            stream = sender.learnStream(rtp);
        }
        if (stream == null) {
            unknownStream.increment();
            return;
        }
        InboundStream inbound = sender.inboundStream(stream);
        inbound.onPacket(rtp.length(), now);
        if (rtp.ssrc() == stream.ssrc() && rtp.payloadLength() > 0) {
            inbound.onMedia(rtp.length(), now);
        }
        if (stream.track().kind() == MediaKind.VIDEO) {
            PublishedVideoStream repair = sender.videoStream(stream);
            RtpPacket media = upstream.admit(sender, stream, repair, rtp, now);
            if (media != null) {
                inbound.reception().onPacket(media.sequenceNumber(), media.timestamp(), now, media != rtp);
                keep(repair, media);
                forward(sender, stream, media, now);
            }
        } else {
            if (rtp.ssrc() == stream.ssrc()) {
                inbound.reception().onPacket(rtp.sequenceNumber(), rtp.timestamp(), now, false);
            }
            forward(sender, stream, rtp, now);
        }
        upstream.sendDueNacks(sender, now);
    }

    /**
     * Sends {@code rtp}, a packet of {@code stream}, to every other participant who receives its
     * track: as it is for a track sent whole, through the receiver's layer switcher for a
     * simulcast track, where a packet of a layer the receiver waits for a keyframe of asks the
     * publisher for one.
     */
    private void forward(Participant sender, PublishedStream stream, RtpPacket rtp, long now) {
        PublishedTrack track = stream.track();
        boolean simulcast = track.isSimulcast();
        SimulcastLayers layers = simulcast ? sender.simulcastLayers(track) : null;
        VideoPayloadFormat format = simulcast ? sender.payloadFormat(rtp.payloadType()) : null;
        ExtensionIds publisherIds = sender.negotiated().extensionIds();
        PayloadTypes publisherNumbers = sender.payloadTypes();
        SrtpPacketBuffer copy = buffers.acquire(); // each receiver's copy in turn: sent before the next is written
        try {
            for (Participant receiver : sender.room().participantArray()) {
                if (receiver == sender || !receiver.receives(track.ssrc()) || !output.isConnected(receiver)) {
                    continue;
                }
                LayerSwitcher switcher = simulcast ? receiver.layerSwitcher(track.ssrc()) : null;
                if (simulcast && (switcher == null || !switcher.accept(stream, layers, rtp, format, now))) {
                    if (switcher != null && switcher.awaitsKeyframe() && stream.layer() == switcher.target()) {
                        feedback.requestKeyframe(sender, stream.ssrc(), now);
                    }
                    continue;
                }
                int payloadType = receiver.payloadTypes().numberFor(rtp.payloadType(), publisherNumbers);
                DownstreamPacketWriter.write(rtp, track.kind(), publisherIds, receiver.negotiated().extensionIds(), payloadType,
                        now, copy);
                if (switcher != null) {
                    switcher.rewrite(parse(copy), format);
                }
                int length = copy.getLength();
                if (output.send(receiver, copy, false)) {
                    forwarded.increment();
                    receiver.outbound().forwarded(length);
                    if (track.kind() == MediaKind.VIDEO) {
                        receiver.bandwidth().onVideoForwarded(length, now);
                    }
                }
            }
            RecordingFork recording = sender.room().recording();
            if (recording != null) {
                recording.onRtp(sender, stream, rtp, now, copy);
            }
        } finally {
            buffers.release(copy);
        }
    }

    /** Keeps the publisher's packet, to answer receivers' NACKs with (each receiver's copy is written again). */
    private static void keep(PublishedVideoStream stream, RtpPacket rtp) {
        stream.forwarded().store(rtp);
    }

    private static RtpPacket parse(SrtpPacketBuffer copy) {
        try {
            return RtpPacket.parse(copy.getBuffer(), copy.getOffset(), copy.getLength());
        } catch (MalformedRtpException e) {
            throw new IllegalStateException("the SFU wrote a packet that does not parse", e);
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
            } else if (rtcp instanceof ReceiverEstimatedMaxBitrate remb) {
                sender.bandwidth().onRemb(remb.bitrate(), now);
            } else if (rtcp instanceof PictureLossIndication pli && sender.receives(pli.mediaSsrc())) {
                requestKeyframe(sender, pli.mediaSsrc());
            } else if (rtcp instanceof FullIntraRequest fir) {
                for (FirEntry entry : fir.entries()) {
                    if (sender.receives(entry.ssrc())) {
                        requestKeyframe(sender, entry.ssrc());
                    }
                }
            }
        }
    }

    /**
     * Asks the publisher of the track {@code receiver} knows by SSRC {@code ssrc} for a keyframe:
     * of the track's stream, or for a simulcast track of the layer the receiver gets (or waits for).
     */
    private void requestKeyframe(Participant receiver, long ssrc) {
        long now = nanoTime.getAsLong();
        Participant publisher = receiver.room().publisherOf(ssrc, receiver);
        PublishedTrack track = publisher == null ? null : publisher.publishedTrack(ssrc).orElse(null);
        if (track == null) {
            return;
        }
        if (!track.isSimulcast()) {
            feedback.requestKeyframe(publisher, track.ssrc(), now);
            return;
        }
        LayerSwitcher switcher = receiver.layerSwitcher(ssrc);
        SimulcastLayers layers = publisher.simulcastLayers(track);
        int layer = switcher == null ? LayerSwitcher.NO_LAYER : switcher.awaitsKeyframe() ? switcher.target() : switcher.selected();
        if (layers != null && layer != LayerSwitcher.NO_LAYER && layers.mediaSsrc(layer) != PublishedStream.NO_SSRC) {
            feedback.requestKeyframe(publisher, layers.mediaSsrc(layer), now);
        }
    }
}
