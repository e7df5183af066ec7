package org.telehealth.media.session;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of one participant's transport: media packets and bytes received after decryption, and
 * what was dropped at each stage. Read by the stats API and the metrics.
 */
public final class MediaSessionStats {

    private final LongAdder rtpPackets = new LongAdder();
    private final LongAdder rtpBytes = new LongAdder();
    private final LongAdder rtcpPackets = new LongAdder();
    private final LongAdder droppedStun = new LongAdder();
    private final LongAdder droppedDtls = new LongAdder();
    private final LongAdder droppedSrtp = new LongAdder();

    void receivedRtp(int bytes) {
        rtpPackets.increment();
        rtpBytes.add(bytes);
    }

    void receivedRtcp() {
        rtcpPackets.increment();
    }

    void droppedStun() {
        droppedStun.increment();
    }

    void droppedDtls() {
        droppedDtls.increment();
    }

    void droppedSrtp() {
        droppedSrtp.increment();
    }

    public long rtpPackets() {
        return rtpPackets.sum();
    }

    public long rtpBytes() {
        return rtpBytes.sum();
    }

    public long rtcpPackets() {
        return rtcpPackets.sum();
    }

    public long dropped() {
        return droppedStun.sum() + droppedDtls.sum() + droppedSrtp.sum();
    }
}
