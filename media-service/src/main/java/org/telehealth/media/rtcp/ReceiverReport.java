package org.telehealth.media.rtcp;

import java.util.List;
import org.telehealth.media.wire.NetworkByteOrder;

/**
 * A receiver report (RR, RFC 3550 §6.4.2): a participant that sends no media reports loss, jitter
 * and timing of the sources it receives. A browser that only watches sends these; the SFU sends
 * them to each browser for the streams it receives from it. Bytes after the report blocks (profile
 * extensions) are ignored.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |V=2|P|   RC    |    PT=201     |   length in 32-bit words - 1  |  0
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                  SSRC of the packet sender                    |  4
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |        RC report blocks, 24 bytes each (ReportBlock)          |  8
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public record ReceiverReport(long senderSsrc, List<ReportBlock> reportBlocks) implements RtcpPacket {

    private static final int REPORT_BLOCKS_OFFSET = 8;

    public ReceiverReport {
        RtcpHeader.requireUnsigned32(senderSsrc, "sender SSRC");
        reportBlocks = List.copyOf(reportBlocks);
        RtcpHeader.requireCount(reportBlocks.size(), "report blocks");
    }

    static ReceiverReport parse(RtcpPacketView packet) throws MalformedRtcpException {
        int count = packet.countOrFormat();
        int needed = REPORT_BLOCKS_OFFSET + count * ReportBlock.LENGTH;
        if (packet.contentLength() < needed) {
            throw new MalformedRtcpException("receiver report counts " + count + " report blocks, which need "
                    + needed + " bytes, but has " + packet.contentLength());
        }
        byte[] buffer = packet.buffer();
        int offset = packet.offset();
        return new ReceiverReport(NetworkByteOrder.uint32(buffer, offset + 4),
                ReportBlock.readAll(buffer, offset + REPORT_BLOCKS_OFFSET, count));
    }

    @Override
    public int length() {
        return REPORT_BLOCKS_OFFSET + reportBlocks.size() * ReportBlock.LENGTH;
    }

    @Override
    public int writeTo(byte[] buffer, int offset) {
        int length = length();
        RtcpHeader.write(buffer, offset, reportBlocks.size(), RtcpPacketType.RECEIVER_REPORT, length);
        NetworkByteOrder.writeUint32(buffer, offset + 4, senderSsrc);
        ReportBlock.writeAll(reportBlocks, buffer, offset + REPORT_BLOCKS_OFFSET);
        return length;
    }
}
