package org.telehealth.media.room;

import java.util.List;
import java.util.function.LongSupplier;
import org.telehealth.media.retransmission.NackRetransmitter;
import org.telehealth.media.retransmission.RetransmissionSource;
import org.telehealth.media.retransmission.RtxPayloadTypes;
import org.telehealth.media.rtcp.GenericNack;
import org.telehealth.media.sdp.MediaKind;
import org.telehealth.media.srtp.SrtpPacketBuffer;

/**
 * Answers receivers' NACKs from the SFU's copies of the packets it forwarded them, so a packet lost
 * between the SFU and one receiver is resent on that hop only, one hop sooner than the publisher
 * could, and without spending the publisher's uplink. Each receiver and track has its own
 * {@link NackRetransmitter}: RTX on the track's RTX SSRC where the receiver negotiated it, the
 * original packet otherwise. The packets come as the receiver got them: for a track sent whole
 * from its buffer ({@link WholeTrackRetransmissions}), for a simulcast track through the
 * receiver's layer switcher, which maps the numbers it NACKs back to the layers' own
 * ({@link SimulcastRetransmissions}). NACKs for tracks the receiver does not receive, or the SFU
 * keeps no packets of (audio), are ignored.
 */
final class DownstreamRepair {

    private final ParticipantOutput output;
    private final RetransmissionCounters counters;
    private final LongSupplier nanoTime;

    DownstreamRepair(ParticipantOutput output, RetransmissionCounters counters, LongSupplier nanoTime) {
        this.output = output;
        this.counters = counters;
        this.nanoTime = nanoTime;
    }

    /** Resends to {@code receiver} what it NACKed and the SFU still has. */
    void onNack(Participant receiver, GenericNack nack) {
        counters.nacksReceived.increment();
        receiver.outbound().nacksReceived.increment();
        Participant.Negotiated negotiated = receiver.negotiated();
        String mid = negotiated.midReceiving(nack.mediaSsrc()).orElse(null);
        PublishedTrack track = mid == null ? null : negotiated.receivedByMid().get(mid);
        RetransmissionSource source = track == null || track.kind() != MediaKind.VIDEO ? null : source(receiver, track);
        if (source == null) {
            counters.nacksIgnored.increment();
            return;
        }
        NackRetransmitter retransmitter = receiver.retransmitter(track.ssrc(), source, track.rtxSsrc(),
                () -> new NackRetransmitter(source, track.rtxSsrc(), nanoTime));
        RtxPayloadTypes payloadTypes = RtxPayloadTypes.of(negotiated.codecsByMid().getOrDefault(mid, List.of()));
        for (NackRetransmitter.Retransmission packet : retransmitter.respond(nack, payloadTypes)) {
            if (output.send(receiver, SrtpPacketBuffer.copyOf(packet.packet(), 0, packet.packet().length), false)) {
                (packet.rtx() ? counters.retransmittedAsRtx : counters.retransmittedPlain).increment();
                receiver.outbound().retransmissionsSent.increment();
            }
        }
    }

    /** Where the packets of {@code track} come from as {@code receiver} got them, or null if the SFU keeps none. */
    private RetransmissionSource source(Participant receiver, PublishedTrack track) {
        Participant publisher = receiver.room().publisherOf(track.ssrc(), receiver);
        PublishedTrack published = publisher == null ? null : publisher.publishedTrack(track.ssrc()).orElse(null);
        if (published == null) {
            return null;
        }
        if (!published.isSimulcast()) {
            PublishedVideoStream stream = publisher.videoStream(published.ssrc());
            return stream == null ? null : new WholeTrackRetransmissions(stream.forwarded(),
                    publisher.negotiated().extensionIds(), receiver.negotiated().extensionIds(), publisher.payloadTypes(),
                    receiver.payloadTypes(), nanoTime);
        }
        LayerSwitcher switcher = receiver.layerSwitcher(published.ssrc());
        SimulcastLayers layers = publisher.simulcastLayers(published);
        return switcher == null || layers == null ? null : new SimulcastRetransmissions(published.ssrc(), switcher,
                publisher, layers, receiver.negotiated().extensionIds(), receiver.payloadTypes(), nanoTime);
    }
}
