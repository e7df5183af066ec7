package org.telehealth.media.retransmission;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.telehealth.media.rtp.MalformedRtpException;
import org.telehealth.media.rtp.RtpPacket;
import org.telehealth.media.wire.NetworkByteOrder;

/**
 * Wraps an original RTP packet in an RTX packet (RFC 4588 §4) of a separate retransmission stream,
 * so that a retransmission does not disturb the receiver's loss and jitter statistics of the
 * original stream, and a receiver can tell it from a duplicate. The RTX stream has its own SSRC,
 * payload type (bound to the original one by {@code a=fmtp:<rtx pt> apt=<original pt>}) and
 * sequence numbers, counted by this packetizer from a random start.
 *
 * <pre>
 * original: | RTP header                       | payload ... | padding (if P) |
 *           | 12 + 4 x CC + extension bytes    |             |                |
 *
 * RTX:      | same RTP header, except:         | OSN (2)  | payload ... |
 *           |   P = 0                          |          |
 *           |   PT = RTX payload type          |          |
 *           |   sequence number = RTX stream's |          |
 *           |   SSRC = RTX SSRC                |          |
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |V=2|0|X|  CC   |M|   RTX PT    |     RTX sequence number       |  0
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                 timestamp (of the original)                   |  4
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                           RTX SSRC                            |  8
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |        CSRC list and header extension of the original         |  12
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  original sequence number     |  original payload ...         |  header length
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+                               |
 * |                       ... original payload                    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>The padding of the original is dropped: it served the original's bandwidth probing or block
 * alignment, not its content. Thread-safe: the sequence counter is atomic.
 */
public final class RtxPacketizer {

    private static final int OSN_LENGTH = 2;
    private static final int PADDING_BIT = 0x20;
    private static final int MARKER_BIT = 0x80;

    private final long rtxSsrc;
    private final int rtxPayloadType;
    private final AtomicInteger nextSequenceNumber;

    /** A packetizer whose first RTX sequence number is random, as RFC 3550 §5.1 asks. */
    public RtxPacketizer(long rtxSsrc, int rtxPayloadType) {
        this(rtxSsrc, rtxPayloadType, ThreadLocalRandom.current().nextInt(0x1_0000));
    }

    public RtxPacketizer(long rtxSsrc, int rtxPayloadType, int firstSequenceNumber) {
        if (rtxSsrc < 0 || rtxSsrc > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("RTX SSRC " + rtxSsrc + " outside 0..4294967295");
        }
        if (rtxPayloadType < 0 || rtxPayloadType > 0x7F) {
            throw new IllegalArgumentException("RTX payload type " + rtxPayloadType + " outside 0..127");
        }
        if (firstSequenceNumber < 0 || firstSequenceNumber > 0xFFFF) {
            throw new IllegalArgumentException("first sequence number " + firstSequenceNumber + " outside 0..65535");
        }
        this.rtxSsrc = rtxSsrc;
        this.rtxPayloadType = rtxPayloadType;
        this.nextSequenceNumber = new AtomicInteger(firstSequenceNumber);
    }

    /**
     * A new array holding the RTX packet that retransmits the RTP packet in {@code length} bytes of
     * {@code original} from {@code offset}, which is left unchanged. Each call takes the next RTX
     * sequence number, wrapping from 65535 to 0.
     *
     * @throws MalformedRtpException if the bytes are not an RTP packet; no sequence number is used
     */
    public byte[] packetize(byte[] original, int offset, int length) throws MalformedRtpException {
        return packetize(original, offset, length, rtxPayloadType);
    }

    /**
     * As {@link #packetize(byte[], int, int)}, with another RTX payload type: a stream whose
     * publisher switches codecs keeps one RTX sequence, but each codec has its own RTX payload type.
     */
    public byte[] packetize(byte[] original, int offset, int length, int rtxPayloadType) throws MalformedRtpException {
        if (rtxPayloadType < 0 || rtxPayloadType > 0x7F) {
            throw new IllegalArgumentException("RTX payload type " + rtxPayloadType + " outside 0..127");
        }
        RtpPacket source = RtpPacket.parse(original, offset, length);
        int headerLength = source.headerLength();
        int payloadLength = source.payloadLength();
        byte[] rtx = new byte[headerLength + OSN_LENGTH + payloadLength];
        System.arraycopy(original, offset, rtx, 0, headerLength);
        NetworkByteOrder.writeUint16(rtx, headerLength, source.sequenceNumber());
        System.arraycopy(original, source.payloadOffset(), rtx, headerLength + OSN_LENGTH, payloadLength);

        rtx[0] = (byte) (rtx[0] & ~PADDING_BIT);
        rtx[1] = (byte) (rtx[1] & MARKER_BIT | rtxPayloadType);
        NetworkByteOrder.writeUint16(rtx, 2, nextSequenceNumber.getAndIncrement() & 0xFFFF);
        NetworkByteOrder.writeUint32(rtx, 8, rtxSsrc);
        return rtx;
    }
}
