package org.telehealth.media.rtp;

import org.telehealth.media.wire.NetworkByteOrder;

/**
 * The abs-send-time header extension: when the sender put the packet on the wire, in seconds as
 * 6.18 fixed point, wrapping every 64 seconds. Browsers feed it to their delay-based bandwidth
 * estimator, so the SFU reads it on what it receives and stamps its own send time on what it
 * forwards.
 *
 * <pre>
 *  0                   1                   2
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  seconds  |   fraction of a second (2^-18 s)  |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public final class AbsSendTimeExtension {

    public static final String URI = "http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time";
    /** What {@link #read} returns when the packet does not carry the extension. */
    public static final int NOT_PRESENT = -1;
    public static final int DATA_LENGTH = 3;

    private static final int FRACTION_BITS = 18;
    private static final int MASK = 0xFF_FFFF;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final int id;

    /** @param id the id the extension was negotiated with ({@code a=extmap}) */
    public AbsSendTimeExtension(int id) {
        this.id = HeaderExtensionBlock.requireId(id);
    }

    public int id() {
        return id;
    }

    /** The 24-bit send time the packet carries, or {@link #NOT_PRESENT}. */
    public int read(RtpPacket packet) {
        int index = packet.findHeaderExtension(id, DATA_LENGTH);
        if (index == RtpPacket.NOT_FOUND) {
            return NOT_PRESENT;
        }
        return NetworkByteOrder.uint24(packet.buffer(), index);
    }

    /**
     * Overwrites the send time in place; returns false, changing nothing, if the packet carries no
     * 3-byte element with this id.
     */
    public boolean write(RtpPacket packet, int sendTime) {
        if (sendTime < 0 || sendTime > MASK) {
            throw new IllegalArgumentException("abs-send-time " + sendTime + " is not a 24-bit value");
        }
        int index = packet.findHeaderExtension(id, DATA_LENGTH);
        if (index == RtpPacket.NOT_FOUND) {
            return false;
        }
        NetworkByteOrder.writeUint24(packet.buffer(), index, sendTime);
        return true;
    }

    /** A clock reading in nanoseconds as a 24-bit send time, rounded down to 2^-18 s, modulo 64 s. */
    public static int fromNanos(long nanos) {
        if (nanos < 0) {
            throw new IllegalArgumentException("time " + nanos + " ns is negative");
        }
        long seconds = nanos / NANOS_PER_SECOND;
        long fraction = (nanos % NANOS_PER_SECOND << FRACTION_BITS) / NANOS_PER_SECOND;
        return (int) ((seconds << FRACTION_BITS | fraction) & MASK);
    }

    /** A 24-bit send time as nanoseconds since the start of its 64-second cycle, rounded down. */
    public static long toNanos(int sendTime) {
        if (sendTime < 0 || sendTime > MASK) {
            throw new IllegalArgumentException("abs-send-time " + sendTime + " is not a 24-bit value");
        }
        return sendTime * NANOS_PER_SECOND >> FRACTION_BITS;
    }
}
