package org.telehealth.media.room;

import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.telehealth.media.retransmission.NackRetransmitter;
import org.telehealth.media.retransmission.RtxPayloadTypes;
import org.telehealth.media.rtcp.GenericNack;
import org.telehealth.media.srtp.SrtpPacketBuffer;

/**
 * Answers receivers' NACKs from the SFU's copies of the packets it forwarded them, so a packet lost
 * between the SFU and one receiver is resent on that hop only, one hop sooner than the publisher
 * could, and without spending the publisher's uplink. Each receiver and stream has its own
 * {@link NackRetransmitter}: RTX on the track's RTX SSRC where the receiver negotiated it, the
 * original packet otherwise. NACKs for streams the receiver does not receive, or the SFU keeps no
 * packets of (audio), are ignored.
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
        Optional<String> mid = negotiated.midReceiving(nack.mediaSsrc());
        PublishedVideoStream stream = mid.isPresent() ? publishedStream(receiver, nack.mediaSsrc()) : null;
        if (stream == null) {
            counters.nacksIgnored.increment();
            return;
        }
        PublishedTrack track = negotiated.receivedByMid().get(mid.get());
        NackRetransmitter retransmitter = receiver.retransmitter(track.ssrc(), stream.forwarded(), track.rtxSsrc(),
                () -> new NackRetransmitter(stream.forwarded(), track.rtxSsrc(), nanoTime));
        RtxPayloadTypes payloadTypes = RtxPayloadTypes.of(negotiated.codecsByMid().getOrDefault(mid.get(), List.of()));
        for (NackRetransmitter.Retransmission packet : retransmitter.respond(nack, payloadTypes)) {
            if (output.send(receiver, SrtpPacketBuffer.copyOf(packet.packet(), 0, packet.packet().length), false)) {
                (packet.rtx() ? counters.retransmittedAsRtx : counters.retransmittedPlain).increment();
                receiver.outbound().retransmissionsSent.increment();
            }
        }
    }

    /** The repair state of the video track of {@code mediaSsrc} another participant of the room publishes, or null. */
    private static PublishedVideoStream publishedStream(Participant receiver, long mediaSsrc) {
        for (Participant publisher : receiver.room().participants()) {
            PublishedVideoStream stream = publisher == receiver ? null : publisher.videoStream(mediaSsrc);
            if (stream != null) {
                return stream;
            }
        }
        return null;
    }
}
