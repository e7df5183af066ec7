package org.telehealth.media.control.rest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.telehealth.media.room.InboundStream;
import org.telehealth.media.room.OutboundCounters;
import org.telehealth.media.room.Participant;
import org.telehealth.media.room.PublishedTrack;
import org.telehealth.media.session.MediaSessionStats;

/**
 * What the stats endpoint answers about one participant: their transport's counters, then what the
 * SFU measures of each stream they publish, what it sent them as a receiver (with the simulcast
 * layers chosen for them and what their bandwidth allows), and the round trip to them.
 *
 * @param inbound one entry per published stream (track, or simulcast layer) that sent a packet
 * @param roundTripTimeMs between the SFU and the participant, from their report blocks about the
 *        sender reports the SFU relayed them; null until known (never, for someone who only publishes:
 *        browsers send publishers' SFU nothing to time a round trip with)
 */
public record ParticipantStats(boolean connected, long rtpPacketsReceived, long rtpBytesReceived,
        long rtcpPacketsReceived, long packetsDropped, List<InboundTrack> inbound, Outbound outbound,
        Double roundTripTimeMs) {

    /**
     * One published stream as it reaches the SFU.
     *
     * @param kind {@code audio} or {@code video}
     * @param ssrc its media SSRC
     * @param rid the simulcast layer it carries, null for a track sent whole
     * @param packets its packets, RTX included
     * @param bitrateBps over the last 5 seconds or so, RTX included
     * @param mediaBitrateBps the same without RTX and padding: what simulcast layers are chosen by
     * @param fractionLost 0 to 1, over the last receiver report interval (about a second), after
     *        retransmission repaired what it could
     * @param jitterMs the RFC 3550 interarrival jitter, in milliseconds
     */
    public record InboundTrack(String kind, long ssrc, String rid, long packets, long bytes, long bitrateBps,
            long mediaBitrateBps, double fractionLost, double jitterMs) {
    }

    /**
     * What the SFU sent the participant as a receiver.
     *
     * @param packets media packets forwarded to them, retransmissions not included
     * @param bytes of those packets, before SRTP
     * @param nacksReceived NACK packets they sent
     * @param retransmissionsSent packets resent to answer their NACKs
     * @param availableBitrateBps their browser's latest REMB estimate, null if none lately
     * @param receiveLimitBps the limit set through the control API, null if none
     * @param tracks one entry per track they receive, in the order of their sections
     */
    public record Outbound(long packets, long bytes, long nacksReceived, long retransmissionsSent,
            Long availableBitrateBps, Long receiveLimitBps, List<OutboundTrack> tracks) {
    }

    /**
     * One track the participant receives.
     *
     * @param mid their section that receives it
     * @param ssrc the SSRC they know it by
     * @param selectedLayer the rid of the simulcast layer forwarded to them, null for a track sent
     *        whole or before the first keyframe
     * @param targetLayer the rid of the layer chosen for them, which becomes the selected one at its
     *        next keyframe; null for a track sent whole
     */
    public record OutboundTrack(String mid, String kind, long ssrc, String selectedLayer, String targetLayer) {
    }

    static ParticipantStats of(Participant participant, long nowNanos) {
        MediaSessionStats transport = participant.session().stats();
        List<InboundTrack> inbound = new ArrayList<>();
        for (InboundStream stream : participant.inboundStreams()) {
            inbound.add(new InboundTrack(stream.track().kind().name().toLowerCase(Locale.ROOT),
                    stream.ssrc(), stream.rid(), stream.traffic().packets(), stream.traffic().bytes(),
                    stream.traffic().bitsPerSecond(nowNanos), stream.mediaBitsPerSecond(nowNanos),
                    stream.reception().fractionLost() / 256.0,
                    stream.reception().jitterMillis()));
        }
        List<OutboundTrack> tracks = new ArrayList<>();
        participant.negotiated().receivedByMid().entrySet().stream()
                .sorted(Map.Entry.comparingByKey(Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder())))
                .forEach(entry -> {
                    PublishedTrack track = entry.getValue();
                    tracks.add(new OutboundTrack(entry.getKey(), track.kind().name().toLowerCase(Locale.ROOT), track.ssrc(),
                            participant.selectedLayer(track.ssrc()), participant.targetLayer(track.ssrc())));
                });
        OutboundCounters sent = participant.outbound();
        OptionalDouble roundTrip = participant.roundTripMillis();
        return new ParticipantStats(participant.session().isConnected(), transport.rtpPackets(), transport.rtpBytes(),
                transport.rtcpPackets(), transport.dropped(), inbound,
                new Outbound(sent.packetsForwarded(), sent.bytesForwarded(), sent.nacksReceived(),
                        sent.retransmissionsSent(), boxed(participant.bandwidth().estimate(nowNanos)),
                        boxed(participant.bandwidth().limit()), tracks),
                roundTrip.isPresent() ? roundTrip.getAsDouble() : null);
    }

    private static Long boxed(OptionalLong value) {
        return value.isPresent() ? value.getAsLong() : null;
    }
}
