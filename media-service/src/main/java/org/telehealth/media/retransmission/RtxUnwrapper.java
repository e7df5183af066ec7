package org.telehealth.media.retransmission;

import org.telehealth.media.rtp.RtpPacket;
import org.telehealth.media.wire.NetworkByteOrder;

/**
 * Turns a publisher's RTX packet (RFC 4588 §4) back into the original packet it repairs. The SFU
 * answers receivers' NACKs with RTX of its own sequence (see {@link RtxPacketizer}), so it cannot
 * pass the publisher's RTX stream on: it unwraps it, and a packet it was missing goes to receivers
 * as ordinary media on the original SSRC.
 *
 * <pre>
 * RTX:      | RTP header: PT = RTX PT,        | OSN (2) | original payload | padding (if P) |
 *           |   RTX sequence number, RTX SSRC |         |                  |                |
 *
 * original: | same RTP header, except:        | original payload |
 *           |   P = 0                         |                  |
 *           |   PT = the RTX PT's apt         |                  |
 *           |   sequence number = OSN         |                  |
 *           |   SSRC = media SSRC             |                  |
 * </pre>
 *
 * <p>CSRCs, header extensions, marker and timestamp are the RTX packet's, which copied them from
 * the original; the RTX packet's own padding (a sender pads RTX for bandwidth probing) is left
 * behind. A padding-only RTX packet carries no original at all. Immutable.
 */
public final class RtxUnwrapper {

    private static final int OSN_LENGTH = 2;
    private static final int PADDING_BIT = 0x20;
    private static final int MARKER_BIT = 0x80;

    private final long mediaSsrc;

    /** An unwrapper for the RTX stream that repairs the stream of {@code mediaSsrc}. */
    public RtxUnwrapper(long mediaSsrc) {
        if (mediaSsrc < 0 || mediaSsrc > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("SSRC " + mediaSsrc + " outside 0..4294967295");
        }
        this.mediaSsrc = mediaSsrc;
    }

    /** Whether the RTX packet carries an original packet: a padding-only bandwidth probe does not. */
    public static boolean carriesOriginal(RtpPacket rtx) {
        return rtx.payloadLength() >= OSN_LENGTH;
    }

    /** The sequence number of the original packet the RTX packet carries. */
    public static int originalSequenceNumber(RtpPacket rtx) {
        requireOriginal(rtx);
        return NetworkByteOrder.uint16(rtx.buffer(), rtx.payloadOffset());
    }

    /**
     * A new array holding the original packet, of payload type {@code originalPayloadType} (the
     * apt of the RTX packet's payload type), on this unwrapper's media SSRC. The RTX packet is
     * left unchanged.
     *
     * @throws IllegalArgumentException if the RTX packet carries no original (see
     *         {@link #carriesOriginal}) or the payload type is outside 0..127
     */
    public byte[] unwrap(RtpPacket rtx, int originalPayloadType) {
        requireOriginal(rtx);
        if (originalPayloadType < 0 || originalPayloadType > 0x7F) {
            throw new IllegalArgumentException("payload type " + originalPayloadType + " outside 0..127");
        }
        int headerLength = rtx.headerLength();
        int payloadLength = rtx.payloadLength() - OSN_LENGTH;
        byte[] original = new byte[headerLength + payloadLength];
        System.arraycopy(rtx.buffer(), rtx.offset(), original, 0, headerLength);
        System.arraycopy(rtx.buffer(), rtx.payloadOffset() + OSN_LENGTH, original, headerLength, payloadLength);

        original[0] = (byte) (original[0] & ~PADDING_BIT);
        original[1] = (byte) (original[1] & MARKER_BIT | originalPayloadType);
        NetworkByteOrder.writeUint16(original, 2, originalSequenceNumber(rtx));
        NetworkByteOrder.writeUint32(original, 8, mediaSsrc);
        return original;
    }

    private static void requireOriginal(RtpPacket rtx) {
        if (!carriesOriginal(rtx)) {
            throw new IllegalArgumentException("RTX packet with " + rtx.payloadLength()
                    + " payload bytes carries no original sequence number");
        }
    }
}
