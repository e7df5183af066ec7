package org.telehealth.media.rtcp;

import java.util.ArrayList;
import java.util.List;
import org.telehealth.media.wire.NetworkByteOrder;

/**
 * What a receiver reports about one source it hears (RFC 3550 §6.4.1), carried in sender and
 * receiver reports. The sender uses it to estimate loss and round-trip time: RTT = arrival time -
 * LSR - DLSR, all in 1/65536 s.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                     SSRC of the source                        |  0
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | fraction lost |  cumulative packets lost (signed, 24 bits)    |  4
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |      extended highest sequence number received                |  8
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |      interarrival jitter (RTP timestamp units)                |  12
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |      last SR (LSR): middle 32 bits of its NTP timestamp       |  16
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |      delay since last SR (DLSR), 1/65536 s                    |  20
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param fractionLost packets lost since the previous report, as a fraction of 256
 * @param cumulativeLost packets expected minus packets received; negative when duplicates arrived
 */
public record ReportBlock(long ssrc, int fractionLost, int cumulativeLost, long extendedHighestSequenceNumber,
        long jitter, long lastSenderReport, long delaySinceLastSenderReport) {

    public static final int LENGTH = 24;
    public static final int MIN_CUMULATIVE_LOST = -(1 << 23);
    public static final int MAX_CUMULATIVE_LOST = (1 << 23) - 1;

    public ReportBlock {
        RtcpHeader.requireUnsigned32(ssrc, "SSRC");
        if (fractionLost < 0 || fractionLost > 0xFF) {
            throw new IllegalArgumentException("fraction lost " + fractionLost + " outside 0..255");
        }
        if (cumulativeLost < MIN_CUMULATIVE_LOST || cumulativeLost > MAX_CUMULATIVE_LOST) {
            throw new IllegalArgumentException("cumulative lost " + cumulativeLost + " does not fit 24 signed bits");
        }
        RtcpHeader.requireUnsigned32(extendedHighestSequenceNumber, "extended highest sequence number");
        RtcpHeader.requireUnsigned32(jitter, "jitter");
        RtcpHeader.requireUnsigned32(lastSenderReport, "LSR");
        RtcpHeader.requireUnsigned32(delaySinceLastSenderReport, "DLSR");
    }

    static List<ReportBlock> readAll(byte[] buffer, int index, int count) {
        List<ReportBlock> blocks = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            blocks.add(read(buffer, index + i * LENGTH));
        }
        return blocks;
    }

    static void writeAll(List<ReportBlock> blocks, byte[] buffer, int index) {
        for (ReportBlock block : blocks) {
            block.writeTo(buffer, index);
            index += LENGTH;
        }
    }

    private static ReportBlock read(byte[] buffer, int index) {
        int cumulativeLost = NetworkByteOrder.uint24(buffer, index + 5) << 8 >> 8;
        return new ReportBlock(NetworkByteOrder.uint32(buffer, index), NetworkByteOrder.uint8(buffer, index + 4),
                cumulativeLost, NetworkByteOrder.uint32(buffer, index + 8), NetworkByteOrder.uint32(buffer, index + 12),
                NetworkByteOrder.uint32(buffer, index + 16), NetworkByteOrder.uint32(buffer, index + 20));
    }

    private void writeTo(byte[] buffer, int index) {
        NetworkByteOrder.writeUint32(buffer, index, ssrc);
        buffer[index + 4] = (byte) fractionLost;
        NetworkByteOrder.writeUint24(buffer, index + 5, cumulativeLost & 0xFF_FFFF);
        NetworkByteOrder.writeUint32(buffer, index + 8, extendedHighestSequenceNumber);
        NetworkByteOrder.writeUint32(buffer, index + 12, jitter);
        NetworkByteOrder.writeUint32(buffer, index + 16, lastSenderReport);
        NetworkByteOrder.writeUint32(buffer, index + 20, delaySinceLastSenderReport);
    }
}
