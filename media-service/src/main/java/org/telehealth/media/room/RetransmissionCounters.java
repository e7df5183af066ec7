package org.telehealth.media.room;

import java.util.concurrent.atomic.LongAdder;

/**
 * How packet repair is going, for the stats endpoint and metrics: NACKs from receivers and how they
 * were answered, NACKs to publishers and what their RTX brought back. Counted by the media path
 * since start; read from anywhere.
 */
public final class RetransmissionCounters {

    final LongAdder nacksReceived = new LongAdder();
    final LongAdder nacksIgnored = new LongAdder();
    final LongAdder retransmittedAsRtx = new LongAdder();
    final LongAdder retransmittedPlain = new LongAdder();
    final LongAdder upstreamNacksSent = new LongAdder();
    final LongAdder rtxRecovered = new LongAdder();
    final LongAdder duplicatesDropped = new LongAdder();

    RetransmissionCounters() {
    }

    /** Generic NACKs receivers sent, answered or not. */
    public long nacksReceived() {
        return nacksReceived.sum();
    }

    /** Of those, NACKs for streams the receiver does not receive or the SFU keeps no packets of (audio). */
    public long nacksIgnored() {
        return nacksIgnored.sum();
    }

    /** Packets resent to receivers as RTX on the stream's RTX SSRC. */
    public long packetsRetransmittedAsRtx() {
        return retransmittedAsRtx.sum();
    }

    /** Packets resent to receivers unchanged, as they negotiated no RTX for them. */
    public long packetsRetransmittedPlain() {
        return retransmittedPlain.sum();
    }

    /** NACK packets sent to publishers for packets their uplink lost. */
    public long upstreamNacksSent() {
        return upstreamNacksSent.sum();
    }

    /** Publishers' RTX packets that brought a packet the SFU was missing, forwarded as the original. */
    public long rtxPacketsRecovered() {
        return rtxRecovered.sum();
    }

    /** Packets dropped because the SFU had already forwarded them: RTX answers that came too late, RTX probes. */
    public long duplicatesDropped() {
        return duplicatesDropped.sum();
    }
}
