package org.telehealth.media.room;

import java.util.concurrent.atomic.LongAdder;

/**
 * What the SFU sent one participant as a receiver, for the stats API: the media forwarded to them,
 * the NACKs they sent and the packets resent to answer them. Kept by the {@link Participant}, so it
 * goes when they leave; counted by the media thread, read from anywhere.
 */
public final class OutboundCounters {

    final LongAdder packetsForwarded = new LongAdder();
    final LongAdder bytesForwarded = new LongAdder();
    final LongAdder nacksReceived = new LongAdder();
    final LongAdder retransmissionsSent = new LongAdder();

    OutboundCounters() {
    }

    /** Counts a forwarded packet of {@code length} bytes, before encryption. Runs per packet and receiver. */
    void forwarded(int length) {
        packetsForwarded.increment();
        bytesForwarded.add(length);
    }

    /** Media packets forwarded to them, retransmissions not included. */
    public long packetsForwarded() {
        return packetsForwarded.sum();
    }

    /** Bytes of those packets, RTP headers included, SRTP overhead not. */
    public long bytesForwarded() {
        return bytesForwarded.sum();
    }

    /** Generic NACKs they sent, answered or not. */
    public long nacksReceived() {
        return nacksReceived.sum();
    }

    /** Packets resent to them in answer to their NACKs, as RTX or unchanged. */
    public long retransmissionsSent() {
        return retransmissionsSent.sum();
    }
}
