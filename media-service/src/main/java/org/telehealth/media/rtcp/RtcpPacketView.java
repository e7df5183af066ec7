package org.telehealth.media.rtcp;

/**
 * One packet of a compound RTCP packet, as {@link RtcpCompoundReader} found it: its header fields
 * and where its bytes are in the shared buffer. Its length and padding have been checked against
 * the compound packet; what is inside has not. Packet types the SFU does not parse can be
 * forwarded or ignored from here.
 */
public final class RtcpPacketView {

    private final byte[] buffer;
    private final int offset;
    private final int length;
    private final int paddingLength;

    RtcpPacketView(byte[] buffer, int offset, int length, int paddingLength) {
        this.buffer = buffer;
        this.offset = offset;
        this.length = length;
        this.paddingLength = paddingLength;
    }

    public byte[] buffer() {
        return buffer;
    }

    public int offset() {
        return offset;
    }

    /** Bytes of the packet, header and padding included, as its length field says. */
    public int length() {
        return length;
    }

    /** Bytes of the packet without its padding: where its content ends. */
    public int contentLength() {
        return length - paddingLength;
    }

    public int paddingLength() {
        return paddingLength;
    }

    public int packetType() {
        return buffer[offset + 1] & 0xFF;
    }

    /** The 5-bit count field: report count, source count, or feedback message type (FMT). */
    public int countOrFormat() {
        return buffer[offset] & 0x1F;
    }

    @Override
    public String toString() {
        return "RtcpPacketView[pt=" + packetType() + ", count/fmt=" + countOrFormat() + ", length=" + length
                + ", padding=" + paddingLength + "]";
    }
}
