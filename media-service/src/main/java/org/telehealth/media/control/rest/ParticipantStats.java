package org.telehealth.media.control.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.telehealth.media.room.InboundStream;
import org.telehealth.media.room.OutboundCounters;
import org.telehealth.media.room.Participant;
import org.telehealth.media.session.MediaSessionStats;

/**
 * What the stats endpoint answers about one participant: their transport's counters, then what the
 * SFU measures of each track they publish, what it sent them as a receiver, and the round trip to
 * them.
 *
 * @param inbound one entry per published track that sent a packet
 * @param roundTripTimeMs between the SFU and the participant, from their report blocks about the
 *        sender reports the SFU relayed them; null until known (never, for someone who only publishes:
 *        browsers send publishers' SFU nothing to time a round trip with)
 */
public record ParticipantStats(boolean connected, long rtpPacketsReceived, long rtpBytesReceived,
        long rtcpPacketsReceived, long packetsDropped, List<InboundTrack> inbound, Outbound outbound,
        Double roundTripTimeMs) {

    /**
     * One published track as it reaches the SFU.
     *
     * @param kind {@code audio} or {@code video}
     * @param ssrc its media SSRC
     * @param packets its packets, RTX included
     * @param bitrateBps over the last 5 seconds or so
     * @param fractionLost 0 to 1, over the last receiver report interval (about a second), after
     *        retransmission repaired what it could
     * @param jitterMs the RFC 3550 interarrival jitter, in milliseconds
     */
    public record InboundTrack(String kind, long ssrc, long packets, long bytes, long bitrateBps, double fractionLost,
            double jitterMs) {
    }

    /**
     * What the SFU sent the participant as a receiver.
     *
     * @param packets media packets forwarded to them, retransmissions not included
     * @param bytes of those packets, before SRTP
     * @param nacksReceived NACK packets they sent
     * @param retransmissionsSent packets resent to answer their NACKs
     */
    public record Outbound(long packets, long bytes, long nacksReceived, long retransmissionsSent) {
    }

    static ParticipantStats of(Participant participant, long nowNanos) {
        MediaSessionStats transport = participant.session().stats();
        List<InboundTrack> inbound = new ArrayList<>();
        for (InboundStream stream : participant.inboundStreams()) {
            inbound.add(new InboundTrack(stream.track().kind().name().toLowerCase(Locale.ROOT),
                    stream.track().ssrc(), stream.traffic().packets(), stream.traffic().bytes(),
                    stream.traffic().bitsPerSecond(nowNanos), stream.reception().fractionLost() / 256.0,
                    stream.reception().jitterMillis()));
        }
        OutboundCounters sent = participant.outbound();
        OptionalDouble roundTrip = participant.roundTripMillis();
        return new ParticipantStats(participant.session().isConnected(), transport.rtpPackets(), transport.rtpBytes(),
                transport.rtcpPackets(), transport.dropped(), inbound,
                new Outbound(sent.packetsForwarded(), sent.bytesForwarded(), sent.nacksReceived(),
                        sent.retransmissionsSent()),
                roundTrip.isPresent() ? roundTrip.getAsDouble() : null);
    }
}
