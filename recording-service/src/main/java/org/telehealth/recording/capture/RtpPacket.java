package org.telehealth.recording.capture;

import java.util.Arrays;

/**
 * An RTP packet (RFC 3550 §5.1) as the recorder needs it: the header fields and where the payload
 * is, padding and header extensions skipped. Parsed from a datagram the capture owns; the payload
 * stays in the datagram's buffer.
 *
 * <pre>
 * |V=2|P|X|  CC   |M|     PT      |       sequence number         |
 * |                           timestamp                           |
 * |                             SSRC                              |
 * |            CSRC list (CC x 32 bits), extension (if X)         |
 * |                 payload ...           | padding | pad count   |
 * </pre>
 */
public record RtpPacket(int payloadType, boolean marker, int sequenceNumber, long timestamp, long ssrc, byte[] buffer,
        int payloadOffset, int payloadLength) {

    static final int FIXED_HEADER_LENGTH = 12;

    /**
     * @throws IllegalArgumentException if the bytes are not a well-formed RTP packet (version 2, the
     *         CSRCs, extension and padding fit)
     */
    public static RtpPacket parse(byte[] buffer, int offset, int length) {
        if (length < FIXED_HEADER_LENGTH || (buffer[offset] & 0xC0) != 0x80) {
            throw new IllegalArgumentException("not an RTP packet: " + length + " bytes, version " + ((buffer[offset] & 0xFF) >> 6));
        }
        int end = offset + length;
        int header = FIXED_HEADER_LENGTH + 4 * (buffer[offset] & 0x0F);
        if ((buffer[offset] & 0x10) != 0) {
            if (offset + header + 4 > end) {
                throw new IllegalArgumentException("RTP header extension runs past the packet");
            }
            header += 4 + 4 * uint16(buffer, offset + header + 2);
        }
        int padding = (buffer[offset] & 0x20) != 0 ? buffer[end - 1] & 0xFF : 0;
        if (offset + header > end || (padding == 0 && (buffer[offset] & 0x20) != 0) || offset + header + padding > end) {
            throw new IllegalArgumentException("RTP header or padding runs past the packet");
        }
        return new RtpPacket(buffer[offset + 1] & 0x7F, (buffer[offset + 1] & 0x80) != 0, uint16(buffer, offset + 2),
                uint32(buffer, offset + 4), uint32(buffer, offset + 8), buffer, offset + header, length - header - padding);
    }

    /** A copy of the payload. */
    public byte[] payload() {
        return Arrays.copyOfRange(buffer, payloadOffset, payloadOffset + payloadLength);
    }

    /** The payload byte at {@code index} (from the payload's start), unsigned. */
    public int payloadByte(int index) {
        return buffer[payloadOffset + index] & 0xFF;
    }

    static int uint16(byte[] buffer, int index) {
        return (buffer[index] & 0xFF) << 8 | buffer[index + 1] & 0xFF;
    }

    static long uint32(byte[] buffer, int index) {
        return (long) uint16(buffer, index) << 16 | uint16(buffer, index + 2);
    }

    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    @Override
    public String toString() {
        return "RtpPacket[pt=" + payloadType + ", seq=" + sequenceNumber + ", ts=" + timestamp + ", ssrc=" + ssrc
                + ", marker=" + marker + ", " + payloadLength + " payload bytes]";
    }
}
