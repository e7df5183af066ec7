package org.telehealth.media.benchmark;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.telehealth.media.srtp.SrtpPacketBuffer;
import org.telehealth.media.srtp.SrtpSession;
import org.telehealth.media.wire.NetworkByteOrder;

/**
 * One synthetic RTP stream (a microphone or a camera) paced at a set rate: each packet carries a
 * {@link ProbePayload} and is SRTP-protected when the endpoint has keys. Packets are written into
 * one reused buffer, so sending allocates nothing but what SRTP does.
 *
 * <pre>
 *  | RTP fixed header (12), X=1 | 0xBEDE, length 1 | mid element: id 1, 1 byte, "0" or "1", 2 padding |
 *  | probe payload (20) | zeros to the packet size | SRTP tag (16, AES-GCM) |
 * </pre>
 */
final class OutboundStream {

    /** What the stream imitates; audio keeps its rate, video carries the load that a step sets. */
    enum Kind { AUDIO, VIDEO }

    static final int HEADER_LENGTH = 20;
    /** A sender that fell this far behind (a pause, a GC) skips what it missed instead of bursting it. */
    private static final long MAX_BACKLOG_NANOS = 20_000_000L;

    private final LoadEndpoint endpoint;
    private final Kind kind;
    private final int fanout;
    private final int packetLength;
    private final byte[] packet;
    private final ByteBuffer datagram;
    private final SrtpPacketBuffer srtpView;
    private final int timestampStep;
    private volatile long intervalNanos = Long.MAX_VALUE;
    private long nextDueNanos;
    private int sequence;
    private long timestamp;
    private long index;
    private volatile long measuredSent;

    /**
     * @param fanout how many receivers get each packet (room size - 1 through the SFU, 1 through the echo)
     */
    OutboundStream(LoadEndpoint endpoint, Kind kind, long ssrc, int packetLength, int fanout) {
        if (packetLength < HEADER_LENGTH + ProbePayload.LENGTH) {
            throw new IllegalArgumentException("a packet needs at least " + (HEADER_LENGTH + ProbePayload.LENGTH) + " bytes");
        }
        this.endpoint = endpoint;
        this.kind = kind;
        this.fanout = fanout;
        this.packetLength = packetLength;
        this.packet = new byte[packetLength + SrtpPacketBuffer.TRAILER_ROOM];
        this.datagram = ByteBuffer.wrap(packet);
        this.srtpView = new SrtpPacketBuffer(packet, 0, packetLength);
        this.timestampStep = kind == Kind.AUDIO ? 960 : 3000;
        packet[0] = (byte) 0x90; // version 2, header extension
        packet[1] = (byte) (kind == Kind.AUDIO ? SyntheticOffer.OPUS : SyntheticOffer.VP8);
        NetworkByteOrder.writeUint32(packet, 8, ssrc);
        NetworkByteOrder.writeUint16(packet, 12, 0xBEDE);
        NetworkByteOrder.writeUint16(packet, 14, 1);
        packet[16] = (byte) (SyntheticOffer.MID_EXTENSION_ID << 4);
        packet[17] = (byte) (kind == Kind.AUDIO ? '0' : '1');
    }

    Kind kind() {
        return kind;
    }

    int fanout() {
        return fanout;
    }

    /**
     * Sets the rate from now on. The first call, made before the sender starts, places the first
     * packet at {@code phase} (0 to 1) of an interval, so that streams do not all send at once.
     */
    void rate(double packetsPerSecond, long nowNanos, double phase) {
        long interval = Math.max(1, Math.round(1e9 / packetsPerSecond));
        if (intervalNanos == Long.MAX_VALUE) {
            nextDueNanos = nowNanos + (long) (phase * interval);
        }
        intervalNanos = interval;
    }

    /** Sends every packet due by {@code nowNanos}; returns when the next one is due. Sender thread only. */
    long sendDue(long nowNanos, int stepTag) {
        long interval = intervalNanos;
        if (interval == Long.MAX_VALUE) {
            return Long.MAX_VALUE; // no rate yet
        }
        if (nowNanos - nextDueNanos > MAX_BACKLOG_NANOS) {
            nextDueNanos = nowNanos;
        }
        while (nextDueNanos <= nowNanos) {
            send(stepTag);
            nextDueNanos += interval;
        }
        return nextDueNanos;
    }

    /** Packets sent tagged with a measured step, since the start. */
    long measuredSent() {
        return measuredSent;
    }

    private void send(int stepTag) {
        NetworkByteOrder.writeUint16(packet, 2, ++sequence & 0xFFFF);
        timestamp += timestampStep;
        NetworkByteOrder.writeUint32(packet, 4, timestamp & 0xFFFF_FFFFL);
        ProbePayload.write(packet, HEADER_LENGTH, index++, System.nanoTime(), stepTag);
        int length = packetLength;
        if (endpoint.srtp().isPresent()) {
            srtpView.setLength(packetLength);
            SrtpSession srtp = endpoint.srtp().get();
            if (!srtp.encryptRtp(srtpView)) {
                return;
            }
            length = srtpView.getLength();
        }
        datagram.clear().limit(length);
        try {
            if (endpoint.channel().write(datagram) == 0) {
                return; // socket buffer full: the packet counts as not sent
            }
        } catch (IOException e) {
            return; // the server is gone (ICMP port unreachable): the step's loss will show it
        }
        if (stepTag != ProbePayload.UNMEASURED) {
            measuredSent++;
        }
    }
}
