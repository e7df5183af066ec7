package org.telehealth.media.rtcp;

import org.telehealth.media.wire.NetworkByteOrder;

/**
 * A picture loss indication (PLI: PSFB, FMT=1, RFC 4585 §6.3.1): a receiver can no longer decode
 * the video of the media source and asks for a keyframe. The SFU sends one to a sender whenever a
 * receiver switches to one of its simulcast layers, and forwards (throttled) those of receivers.
 * It has no FCI.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |V=2|P|  FMT=1  |    PT=206     |          length = 2           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                     SSRC of packet sender                     |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                     SSRC of media source                      |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public record PictureLossIndication(long senderSsrc, long mediaSsrc) implements RtcpPacket {

    public static final int FORMAT = 1;

    public PictureLossIndication {
        RtcpHeader.requireUnsigned32(senderSsrc, "sender SSRC");
        RtcpHeader.requireUnsigned32(mediaSsrc, "media SSRC");
    }

    static PictureLossIndication parse(RtcpPacketView packet) throws MalformedRtcpException {
        RtcpHeader.requireFeedbackHeader(packet, "PLI");
        return new PictureLossIndication(NetworkByteOrder.uint32(packet.buffer(), packet.offset() + 4),
                NetworkByteOrder.uint32(packet.buffer(), packet.offset() + 8));
    }

    @Override
    public int length() {
        return RtcpHeader.FEEDBACK_HEADER_LENGTH;
    }

    @Override
    public int writeTo(byte[] buffer, int offset) {
        RtcpHeader.writeFeedback(buffer, offset, FORMAT, RtcpPacketType.PAYLOAD_SPECIFIC_FEEDBACK, length(),
                senderSsrc, mediaSsrc);
        return length();
    }
}
