package org.telehealth.media.rtcp;

import java.util.List;
import org.telehealth.media.wire.NetworkByteOrder;

/**
 * A sender report (SR, RFC 3550 §6.4.1): a media sender ties its RTP clock to wall-clock (NTP)
 * time, which receivers need for lip sync and round-trip time, says how much it has sent, and
 * reports on the sources it receives. Bytes after the report blocks (profile extensions) are
 * ignored.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |V=2|P|   RC    |    PT=200     |   length in 32-bit words - 1  |  0
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                        SSRC of sender                         |  4
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |        NTP timestamp: seconds since 1900 (32 bits)            |  8
 * |        NTP timestamp: fraction of a second (32 bits)          |  12
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |        RTP timestamp at the same instant                      |  16
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |        sender's packet count                                  |  20
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |        sender's octet count (payload bytes)                   |  24
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |        RC report blocks, 24 bytes each (ReportBlock)          |  28
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param ntpTimestamp the 64-bit NTP timestamp; values from 2^63 up read as negative {@code long}s
 */
public record SenderReport(long senderSsrc, long ntpTimestamp, long rtpTimestamp, long packetCount,
        long octetCount, List<ReportBlock> reportBlocks) implements RtcpPacket {

    private static final int REPORT_BLOCKS_OFFSET = 28;

    public SenderReport {
        RtcpHeader.requireUnsigned32(senderSsrc, "sender SSRC");
        RtcpHeader.requireUnsigned32(rtpTimestamp, "RTP timestamp");
        RtcpHeader.requireUnsigned32(packetCount, "packet count");
        RtcpHeader.requireUnsigned32(octetCount, "octet count");
        reportBlocks = List.copyOf(reportBlocks);
        RtcpHeader.requireCount(reportBlocks.size(), "report blocks");
    }

    /**
     * The middle 32 bits of the NTP timestamp: what a receiver echoes as LSR in its report blocks,
     * so the SFU can match a report to the SR it answers.
     */
    public long compactNtpTimestamp() {
        return ntpTimestamp >>> 16 & 0xFFFF_FFFFL;
    }

    static SenderReport parse(RtcpPacketView packet) throws MalformedRtcpException {
        int count = packet.countOrFormat();
        int needed = REPORT_BLOCKS_OFFSET + count * ReportBlock.LENGTH;
        if (packet.contentLength() < needed) {
            throw new MalformedRtcpException("sender report counts " + count + " report blocks, which need "
                    + needed + " bytes, but has " + packet.contentLength());
        }
        byte[] buffer = packet.buffer();
        int offset = packet.offset();
        return new SenderReport(NetworkByteOrder.uint32(buffer, offset + 4), NetworkByteOrder.int64(buffer, offset + 8),
                NetworkByteOrder.uint32(buffer, offset + 16), NetworkByteOrder.uint32(buffer, offset + 20),
                NetworkByteOrder.uint32(buffer, offset + 24),
                ReportBlock.readAll(buffer, offset + REPORT_BLOCKS_OFFSET, count));
    }

    @Override
    public int length() {
        return REPORT_BLOCKS_OFFSET + reportBlocks.size() * ReportBlock.LENGTH;
    }

    @Override
    public int writeTo(byte[] buffer, int offset) {
        int length = length();
        RtcpHeader.write(buffer, offset, reportBlocks.size(), RtcpPacketType.SENDER_REPORT, length);
        NetworkByteOrder.writeUint32(buffer, offset + 4, senderSsrc);
        NetworkByteOrder.writeInt64(buffer, offset + 8, ntpTimestamp);
        NetworkByteOrder.writeUint32(buffer, offset + 16, rtpTimestamp);
        NetworkByteOrder.writeUint32(buffer, offset + 20, packetCount);
        NetworkByteOrder.writeUint32(buffer, offset + 24, octetCount);
        ReportBlock.writeAll(reportBlocks, buffer, offset + REPORT_BLOCKS_OFFSET);
        return length;
    }
}
