package org.telehealth.media.rtcp;

import java.util.ArrayList;
import java.util.List;
import org.telehealth.media.wire.NetworkByteOrder;

/**
 * A BYE packet (RFC 3550 §6.6): the listed sources are leaving the session, so the SFU can stop
 * forwarding them at once instead of waiting for a timeout. The optional reason is UTF-8 text.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |V=2|P|   SC    |    PT=203     |   length in 32-bit words - 1  |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                     SSRC/CSRC (SC of them)                    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |    length     |  reason for leaving (optional) ... zero padding |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param reason why the sources leave; empty for none
 */
public record Goodbye(List<Long> ssrcs, String reason) implements RtcpPacket {

    public Goodbye {
        ssrcs = List.copyOf(ssrcs);
        RtcpHeader.requireCount(ssrcs.size(), "BYE sources");
        for (long ssrc : ssrcs) {
            RtcpHeader.requireUnsigned32(ssrc, "SSRC");
        }
        RtcpText.requireFits(reason, "BYE reason");
    }

    public static Goodbye of(long ssrc) {
        return new Goodbye(List.of(ssrc), "");
    }

    static Goodbye parse(RtcpPacketView packet) throws MalformedRtcpException {
        int count = packet.countOrFormat();
        byte[] buffer = packet.buffer();
        int end = packet.offset() + packet.contentLength();
        int reasonIndex = packet.offset() + RtcpHeader.LENGTH + 4 * count;
        if (reasonIndex > end) {
            throw new MalformedRtcpException("BYE counts " + count + " sources, which need "
                    + (reasonIndex - packet.offset()) + " bytes, but has " + packet.contentLength());
        }
        List<Long> ssrcs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ssrcs.add(NetworkByteOrder.uint32(buffer, packet.offset() + RtcpHeader.LENGTH + 4 * i));
        }
        String reason = "";
        if (reasonIndex < end) {
            int length = buffer[reasonIndex] & 0xFF;
            if (reasonIndex + 1 + length > end) {
                throw new MalformedRtcpException("BYE reason of " + length + " bytes runs past the end of the packet");
            }
            reason = RtcpText.decode(buffer, reasonIndex + 1, length, "BYE reason");
        }
        return new Goodbye(ssrcs, reason);
    }

    @Override
    public int length() {
        int length = RtcpHeader.LENGTH + 4 * ssrcs.size();
        if (!reason.isEmpty()) {
            length += (1 + RtcpText.encode(reason).length + 3) & ~3;
        }
        return length;
    }

    @Override
    public int writeTo(byte[] buffer, int offset) {
        int length = length();
        RtcpHeader.write(buffer, offset, ssrcs.size(), RtcpPacketType.GOODBYE, length);
        int position = offset + RtcpHeader.LENGTH;
        for (long ssrc : ssrcs) {
            NetworkByteOrder.writeUint32(buffer, position, ssrc);
            position += 4;
        }
        if (!reason.isEmpty()) {
            byte[] text = RtcpText.encode(reason);
            buffer[position++] = (byte) text.length;
            System.arraycopy(text, 0, buffer, position, text.length);
            position += text.length;
        }
        for (int end = offset + length; position < end; position++) {
            buffer[position] = 0;
        }
        return length;
    }
}
