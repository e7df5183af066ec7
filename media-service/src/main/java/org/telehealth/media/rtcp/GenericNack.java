package org.telehealth.media.rtcp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.telehealth.media.wire.NetworkByteOrder;

/**
 * A generic NACK (RTPFB, FMT=1, RFC 4585 §6.2.1): the receiver lists the RTP packets of one media
 * source it lost, so the sender (or the SFU, from its cache) retransmits them. Each FCI entry names
 * one lost packet (PID) and, in a bitmask (BLP), which of the 16 packets after it were lost too:
 * bit i, least significant first, stands for PID + i + 1.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |V=2|P|  FMT=1  |    PT=205     |   length in 32-bit words - 1  |  0
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                     SSRC of packet sender                     |  4
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                     SSRC of media source                      |  8
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |              PID              |              BLP              |  12, one or more
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param lostSequenceNumbers the lost packets in the order the entries list them; written most
 *        compactly when in ascending (wrapping) order
 */
public record GenericNack(long senderSsrc, long mediaSsrc, List<Integer> lostSequenceNumbers) implements RtcpPacket {

    public static final int FORMAT = 1;

    private static final int ENTRY_LENGTH = 4;
    private static final int BITMASK_SPAN = 16;

    public GenericNack {
        RtcpHeader.requireUnsigned32(senderSsrc, "sender SSRC");
        RtcpHeader.requireUnsigned32(mediaSsrc, "media SSRC");
        lostSequenceNumbers = List.copyOf(lostSequenceNumbers);
        if (lostSequenceNumbers.isEmpty()) {
            throw new IllegalArgumentException("a generic NACK lists at least one lost packet");
        }
        for (int sequenceNumber : lostSequenceNumbers) {
            if (sequenceNumber < 0 || sequenceNumber > 0xFFFF) {
                throw new IllegalArgumentException("sequence number " + sequenceNumber + " outside 0..65535");
            }
        }
    }

    static GenericNack parse(RtcpPacketView packet) throws MalformedRtcpException {
        RtcpHeader.requireFeedbackHeader(packet, "generic NACK");
        byte[] buffer = packet.buffer();
        int offset = packet.offset();
        int fciLength = packet.contentLength() - RtcpHeader.FEEDBACK_HEADER_LENGTH;
        if (fciLength < ENTRY_LENGTH) {
            throw new MalformedRtcpException("generic NACK has no PID/BLP entry");
        }
        if (fciLength % ENTRY_LENGTH != 0) {
            throw new MalformedRtcpException("generic NACK FCI of " + fciLength + " bytes ends in a truncated entry");
        }
        List<Integer> lost = new ArrayList<>();
        for (int entry = offset + RtcpHeader.FEEDBACK_HEADER_LENGTH; entry < offset + packet.contentLength();
                entry += ENTRY_LENGTH) {
            int pid = NetworkByteOrder.uint16(buffer, entry);
            int blp = NetworkByteOrder.uint16(buffer, entry + 2);
            lost.add(pid);
            for (int bit = 0; bit < BITMASK_SPAN; bit++) {
                if ((blp & 1 << bit) != 0) {
                    lost.add((pid + bit + 1) & 0xFFFF);
                }
            }
        }
        return new GenericNack(NetworkByteOrder.uint32(buffer, offset + 4), NetworkByteOrder.uint32(buffer, offset + 8),
                lost);
    }

    @Override
    public int length() {
        return RtcpHeader.FEEDBACK_HEADER_LENGTH + ENTRY_LENGTH * entries().length;
    }

    @Override
    public int writeTo(byte[] buffer, int offset) {
        int[] entries = entries();
        int length = RtcpHeader.FEEDBACK_HEADER_LENGTH + ENTRY_LENGTH * entries.length;
        RtcpHeader.writeFeedback(buffer, offset, FORMAT, RtcpPacketType.TRANSPORT_LAYER_FEEDBACK, length, senderSsrc,
                mediaSsrc);
        for (int i = 0; i < entries.length; i++) {
            NetworkByteOrder.writeUint32(buffer, offset + RtcpHeader.FEEDBACK_HEADER_LENGTH + i * ENTRY_LENGTH,
                    entries[i] & 0xFFFF_FFFFL);
        }
        return length;
    }

    /**
     * PID/BLP entries as {@code PID << 16 | BLP}: each lost packet joins the entry before it if it is
     * 1 to 16 packets after that entry's PID, else it opens a new entry.
     */
    private int[] entries() {
        int[] entries = new int[lostSequenceNumbers.size()];
        int count = 0;
        int pid = -1;
        int blp = 0;
        for (int sequenceNumber : lostSequenceNumbers) {
            if (pid >= 0) {
                int after = (sequenceNumber - pid) & 0xFFFF;
                if (after == 0) {
                    continue;
                }
                if (after <= BITMASK_SPAN) {
                    blp |= 1 << (after - 1);
                    continue;
                }
                entries[count++] = pid << 16 | blp;
            }
            pid = sequenceNumber;
            blp = 0;
        }
        entries[count++] = pid << 16 | blp;
        return Arrays.copyOf(entries, count);
    }
}
