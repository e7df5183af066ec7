package org.telehealth.media.rtcp;

import java.util.ArrayList;
import java.util.List;
import org.telehealth.media.wire.NetworkByteOrder;

/**
 * A receiver estimated maximum bitrate (REMB: PSFB, FMT=15, application layer feedback, from
 * draft-alvestrand-rmcat-remb): the receiver's estimate of how many bits per second it can take
 * from the listed media sources. The SFU reads it to choose which simulcast layer a browser gets,
 * and sends its own to cap what a browser uploads. The bitrate travels as an 18-bit mantissa and a
 * 6-bit exponent (bitrate = mantissa x 2^exponent), so a bitrate above 2^18 - 1 is written rounded
 * down to what 18 significant bits can hold.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |V=2|P| FMT=15  |    PT=206     |   length in 32-bit words - 1  |  0
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                     SSRC of packet sender                     |  4
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                     SSRC of media source: 0                   |  8
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |      'R'      |      'E'      |      'M'      |      'B'      |  12
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |   SSRC count  | exponent  |        mantissa (18 bits)         |  16
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                     SSRC (count of them) ...                  |  20
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param bitrate bits per second
 * @param ssrcs the media sources the estimate applies to
 */
public record ReceiverEstimatedMaxBitrate(long senderSsrc, long bitrate, List<Long> ssrcs) implements RtcpPacket {

    public static final int FORMAT = 15;

    private static final int IDENTIFIER = 'R' << 24 | 'E' << 16 | 'M' << 8 | 'B';
    private static final int IDENTIFIER_OFFSET = RtcpHeader.FEEDBACK_HEADER_LENGTH;
    private static final int SSRCS_OFFSET = IDENTIFIER_OFFSET + 8;
    private static final int MAX_SSRCS = 0xFF;
    private static final int MANTISSA_BITS = 18;
    private static final long MAX_MANTISSA = (1L << MANTISSA_BITS) - 1;
    private static final long UNUSED_MEDIA_SSRC = 0;

    public ReceiverEstimatedMaxBitrate {
        RtcpHeader.requireUnsigned32(senderSsrc, "sender SSRC");
        if (bitrate < 0) {
            throw new IllegalArgumentException("bitrate " + bitrate + " is negative");
        }
        ssrcs = List.copyOf(ssrcs);
        if (ssrcs.size() > MAX_SSRCS) {
            throw new IllegalArgumentException(ssrcs.size() + " SSRCs exceed the " + MAX_SSRCS + " a REMB can list");
        }
        for (long ssrc : ssrcs) {
            RtcpHeader.requireUnsigned32(ssrc, "SSRC");
        }
    }

    /** Whether a PSFB packet with FMT=15 is a REMB, rather than another application layer feedback. */
    static boolean isRemb(RtcpPacketView packet) {
        return packet.contentLength() >= IDENTIFIER_OFFSET + 4
                && NetworkByteOrder.uint32(packet.buffer(), packet.offset() + IDENTIFIER_OFFSET) == IDENTIFIER;
    }

    static ReceiverEstimatedMaxBitrate parse(RtcpPacketView packet) throws MalformedRtcpException {
        if (packet.contentLength() < SSRCS_OFFSET) {
            throw new MalformedRtcpException("REMB of " + packet.contentLength() + " bytes is shorter than the "
                    + SSRCS_OFFSET + " bytes before its SSRC list");
        }
        byte[] buffer = packet.buffer();
        int offset = packet.offset();
        int count = NetworkByteOrder.uint8(buffer, offset + IDENTIFIER_OFFSET + 4);
        int expected = SSRCS_OFFSET + 4 * count;
        if (packet.contentLength() != expected) {
            throw new MalformedRtcpException("REMB counts " + count + " SSRCs, which need " + expected
                    + " bytes, but has " + packet.contentLength());
        }
        int exponentAndMantissa = NetworkByteOrder.uint24(buffer, offset + IDENTIFIER_OFFSET + 5);
        int exponent = exponentAndMantissa >>> MANTISSA_BITS;
        long mantissa = exponentAndMantissa & MAX_MANTISSA;
        if (mantissa != 0 && exponent >= Long.numberOfLeadingZeros(mantissa)) {
            throw new MalformedRtcpException("REMB bitrate " + mantissa + " x 2^" + exponent
                    + " does not fit 63 bits");
        }
        List<Long> ssrcs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ssrcs.add(NetworkByteOrder.uint32(buffer, offset + SSRCS_OFFSET + 4 * i));
        }
        return new ReceiverEstimatedMaxBitrate(NetworkByteOrder.uint32(buffer, offset + 4), mantissa << exponent,
                ssrcs);
    }

    @Override
    public int length() {
        return SSRCS_OFFSET + 4 * ssrcs.size();
    }

    @Override
    public int writeTo(byte[] buffer, int offset) {
        int length = length();
        RtcpHeader.writeFeedback(buffer, offset, FORMAT, RtcpPacketType.PAYLOAD_SPECIFIC_FEEDBACK, length, senderSsrc,
                UNUSED_MEDIA_SSRC);
        int exponent = 0;
        long mantissa = bitrate;
        while (mantissa > MAX_MANTISSA) {
            mantissa >>>= 1;
            exponent++;
        }
        NetworkByteOrder.writeUint32(buffer, offset + IDENTIFIER_OFFSET, IDENTIFIER);
        buffer[offset + IDENTIFIER_OFFSET + 4] = (byte) ssrcs.size();
        NetworkByteOrder.writeUint24(buffer, offset + IDENTIFIER_OFFSET + 5,
                exponent << MANTISSA_BITS | (int) mantissa);
        for (int i = 0; i < ssrcs.size(); i++) {
            NetworkByteOrder.writeUint32(buffer, offset + SSRCS_OFFSET + 4 * i, ssrcs.get(i));
        }
        return length;
    }
}
