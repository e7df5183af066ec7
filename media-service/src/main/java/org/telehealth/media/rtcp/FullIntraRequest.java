package org.telehealth.media.rtcp;

import java.util.ArrayList;
import java.util.List;
import org.telehealth.media.wire.NetworkByteOrder;

/**
 * A full intra request (FIR: PSFB, FMT=4, RFC 5104 §4.3.1): asks one or more senders for a
 * keyframe. Some receivers send FIR where others send PLI, so the SFU understands both. The media
 * source field of the header is unused and written as 0; the targets are in the FCI entries.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |V=2|P|  FMT=4  |    PT=206     |   length in 32-bit words - 1  |  0
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                     SSRC of packet sender                     |  4
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                     SSRC of media source: 0                   |  8
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                     FCI entries (FirEntry), 8 bytes each ...  |  12
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public record FullIntraRequest(long senderSsrc, List<FirEntry> entries) implements RtcpPacket {

    public static final int FORMAT = 4;

    private static final long UNUSED_MEDIA_SSRC = 0;

    public FullIntraRequest {
        RtcpHeader.requireUnsigned32(senderSsrc, "sender SSRC");
        entries = List.copyOf(entries);
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("a FIR carries at least one entry");
        }
    }

    static FullIntraRequest parse(RtcpPacketView packet) throws MalformedRtcpException {
        RtcpHeader.requireFeedbackHeader(packet, "FIR");
        int fciLength = packet.contentLength() - RtcpHeader.FEEDBACK_HEADER_LENGTH;
        if (fciLength == 0) {
            throw new MalformedRtcpException("FIR has no FCI entry");
        }
        if (fciLength % FirEntry.LENGTH != 0) {
            throw new MalformedRtcpException("FIR FCI of " + fciLength + " bytes ends in a truncated "
                    + FirEntry.LENGTH + "-byte entry");
        }
        byte[] buffer = packet.buffer();
        int offset = packet.offset();
        List<FirEntry> entries = new ArrayList<>(fciLength / FirEntry.LENGTH);
        for (int entry = offset + RtcpHeader.FEEDBACK_HEADER_LENGTH; entry < offset + packet.contentLength();
                entry += FirEntry.LENGTH) {
            entries.add(new FirEntry(NetworkByteOrder.uint32(buffer, entry),
                    NetworkByteOrder.uint8(buffer, entry + 4)));
        }
        return new FullIntraRequest(NetworkByteOrder.uint32(buffer, offset + 4), entries);
    }

    @Override
    public int length() {
        return RtcpHeader.FEEDBACK_HEADER_LENGTH + entries.size() * FirEntry.LENGTH;
    }

    @Override
    public int writeTo(byte[] buffer, int offset) {
        int length = length();
        RtcpHeader.writeFeedback(buffer, offset, FORMAT, RtcpPacketType.PAYLOAD_SPECIFIC_FEEDBACK, length, senderSsrc,
                UNUSED_MEDIA_SSRC);
        int position = offset + RtcpHeader.FEEDBACK_HEADER_LENGTH;
        for (FirEntry entry : entries) {
            NetworkByteOrder.writeUint32(buffer, position, entry.ssrc());
            buffer[position + 4] = (byte) entry.sequenceNumber();
            NetworkByteOrder.writeUint24(buffer, position + 5, 0);
            position += FirEntry.LENGTH;
        }
        return length;
    }
}
