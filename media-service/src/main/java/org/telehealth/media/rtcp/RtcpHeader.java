package org.telehealth.media.rtcp;

import org.telehealth.media.wire.NetworkByteOrder;

/**
 * The four bytes every RTCP packet starts with (RFC 3550 §6.4.1). The 5-bit count field holds the
 * number of report blocks, chunks or sources, or, in feedback packets (RFC 4585 §6.1), the feedback
 * message type (FMT). The length counts 32-bit words minus one, header and padding included, so a
 * packet is never shorter than its header and a walk through a compound packet always advances.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |V=2|P|count/FMT|  packet type  |   length in 32-bit words - 1  |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
final class RtcpHeader {

    static final int LENGTH = 4;
    static final int VERSION = 2;
    static final int MAX_COUNT = 31;
    /** The common header of RTPFB and PSFB packets: this header, the sender's and the media source's SSRC. */
    static final int FEEDBACK_HEADER_LENGTH = 12;

    private static final int MAX_PACKET_LENGTH = (0xFFFF + 1) * 4;

    private RtcpHeader() {
    }

    /**
     * Writes a header without padding for a packet of {@code packetLength} bytes (a multiple of
     * four), after checking that the whole packet fits in the buffer from {@code offset}.
     */
    static void write(byte[] buffer, int offset, int count, int packetType, int packetLength) {
        if (count < 0 || count > MAX_COUNT) {
            throw new IllegalArgumentException("RTCP count/FMT " + count + " outside 0.." + MAX_COUNT);
        }
        if (packetLength < LENGTH || packetLength % 4 != 0 || packetLength > MAX_PACKET_LENGTH) {
            throw new IllegalArgumentException("RTCP packet length " + packetLength
                    + " is not a multiple of 4 between 4 and " + MAX_PACKET_LENGTH);
        }
        if (offset < 0 || offset > buffer.length - packetLength) {
            throw new IllegalArgumentException("an RTCP packet of " + packetLength + " bytes at offset " + offset
                    + " does not fit in a buffer of " + buffer.length + " bytes");
        }
        buffer[offset] = (byte) (VERSION << 6 | count);
        buffer[offset + 1] = (byte) packetType;
        NetworkByteOrder.writeUint16(buffer, offset + 2, packetLength / 4 - 1);
    }

    /**
     * Writes the common header of a feedback packet (RFC 4585 §6.1): this header, then the SSRC of
     * the packet sender and of the media source the feedback is about.
     *
     * <pre>
     * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
     * |V=2|P|   FMT   |      PT       |   length in 32-bit words - 1  |
     * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
     * |                     SSRC of packet sender                     |
     * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
     * |                     SSRC of media source                      |
     * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
     * |            feedback control information (FCI) ...             |
     * </pre>
     */
    static void writeFeedback(byte[] buffer, int offset, int format, int packetType, int packetLength,
            long senderSsrc, long mediaSsrc) {
        write(buffer, offset, format, packetType, packetLength);
        NetworkByteOrder.writeUint32(buffer, offset + 4, senderSsrc);
        NetworkByteOrder.writeUint32(buffer, offset + 8, mediaSsrc);
    }

    /** Checks that a feedback packet has room for its common header before its fields are read. */
    static void requireFeedbackHeader(RtcpPacketView packet, String name) throws MalformedRtcpException {
        if (packet.contentLength() < FEEDBACK_HEADER_LENGTH) {
            throw new MalformedRtcpException(name + " of " + packet.contentLength()
                    + " bytes is shorter than the " + FEEDBACK_HEADER_LENGTH + "-byte feedback header");
        }
    }

    /** Checks that {@code count} fits the 5-bit count field; for the constructors of packets. */
    static void requireCount(int count, String what) {
        if (count > MAX_COUNT) {
            throw new IllegalArgumentException(count + " " + what + " exceed the " + MAX_COUNT
                    + " an RTCP packet can count");
        }
    }

    static void requireUnsigned32(long value, String field) {
        if (value < 0 || value > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException(field + " " + value + " is not an unsigned 32-bit value");
        }
    }
}
