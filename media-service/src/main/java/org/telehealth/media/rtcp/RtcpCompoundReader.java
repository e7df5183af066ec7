package org.telehealth.media.rtcp;

import java.util.NoSuchElementException;
import org.telehealth.media.wire.NetworkByteOrder;

/**
 * Walks a compound RTCP packet (RFC 3550 §6.1), or a lone reduced-size one (RFC 5506), one packet
 * at a time, checking each header against the bytes that remain before handing the packet out.
 * Each step advances by the packet's length field, which is at least one word, so a zero length
 * field cannot make the walk loop.
 *
 * <pre>
 * +-----------+-----------+-----+-----------+
 * | SR or RR  |   SDES    | ... | PSFB, ... |   each: header, then (length + 1) x 4 bytes in all
 * +-----------+-----------+-----+-----------+
 * </pre>
 *
 * Not thread-safe; one reader per compound packet.
 */
public final class RtcpCompoundReader {

    private final byte[] buffer;
    private final int end;
    private int position;

    public RtcpCompoundReader(byte[] buffer, int offset, int length) {
        if (buffer == null) {
            throw new IllegalArgumentException("buffer is null");
        }
        if (offset < 0 || length < 0 || offset > buffer.length - length) {
            throw new IllegalArgumentException("offset " + offset + " and length " + length
                    + " do not fit in a buffer of " + buffer.length + " bytes");
        }
        this.buffer = buffer;
        this.position = offset;
        this.end = offset + length;
    }

    public boolean hasNext() {
        return position < end;
    }

    /**
     * The next packet.
     *
     * @throws MalformedRtcpException if fewer than four bytes remain, the version is not 2, the
     *         length field runs past the end, or the pad count does not fit the packet
     * @throws NoSuchElementException if {@link #hasNext()} is false
     */
    public RtcpPacketView next() throws MalformedRtcpException {
        if (!hasNext()) {
            throw new NoSuchElementException("no RTCP packet left");
        }
        int remaining = end - position;
        if (remaining < RtcpHeader.LENGTH) {
            throw new MalformedRtcpException("compound RTCP packet ends with " + remaining
                    + " stray bytes, too few for a header");
        }
        int first = buffer[position] & 0xFF;
        int version = first >>> 6;
        if (version != RtcpHeader.VERSION) {
            throw new MalformedRtcpException("RTCP version is " + version + ", expected " + RtcpHeader.VERSION);
        }
        int packetType = buffer[position + 1] & 0xFF;
        int length = (NetworkByteOrder.uint16(buffer, position + 2) + 1) * 4;
        if (length > remaining) {
            throw new MalformedRtcpException("RTCP packet of type " + packetType + " announces " + length
                    + " bytes but only " + remaining + " remain");
        }
        int paddingLength = 0;
        if ((first & 0x20) != 0) {
            paddingLength = buffer[position + length - 1] & 0xFF;
            if (paddingLength == 0 || paddingLength > length - RtcpHeader.LENGTH) {
                throw new MalformedRtcpException("RTCP packet of type " + packetType + " and " + length
                        + " bytes has a pad count of " + paddingLength);
            }
        }
        RtcpPacketView packet = new RtcpPacketView(buffer, position, length, paddingLength);
        position += length;
        return packet;
    }
}
