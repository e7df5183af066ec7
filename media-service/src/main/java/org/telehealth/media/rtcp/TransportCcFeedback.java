package org.telehealth.media.rtcp;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.telehealth.media.wire.NetworkByteOrder;

/**
 * A transport-wide congestion control feedback (transport-cc: RTPFB, FMT=15,
 * draft-holmer-rmcat-transport-wide-cc-extensions-01 §3.1): for a range of transport-wide sequence
 * numbers, which packets arrived and when. A browser's send-side bandwidth estimator only raises
 * its bitrate on this feedback, so the SFU sends it to every publisher that negotiated it; receivers
 * send it to the SFU for what the SFU forwards.
 *
 * <p>Arrival times are relative: the reference time, in 64 ms steps on the receiver's clock (24-bit
 * signed, so it wraps after about 12 days), then one receive delta per received packet, in 250 us
 * steps, each since the packet received before it in sequence order (the first: since the
 * reference time). How the statuses are packed into chunks is {@link TransportCcStatusChunks}'s job.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |V=2|P| FMT=15  |    PT=205     |   length in 32-bit words - 1  |  0
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                     SSRC of packet sender                     |  4
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                     SSRC of media source                      |  8
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     base sequence number      |      packet status count      |  12
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |       reference time (signed, x 64 ms)        | fb pkt. count |  16
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  packet status chunk (2 B)    |  packet status chunk ...      |  20
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | ... | recv delta: 1 B (small) or 2 B (large), per received packet
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  ...  recv delta  |         zero padding to 32 bits           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * Bytes after the last receive delta are taken as padding and ignored. A feedback without receive
 * deltas (which libwebrtc accepts for its -02 variant of the header extension) is rejected: the
 * -01 draft always carries them.
 *
 * @param baseSequenceNumber the transport-wide sequence number of the first status
 * @param referenceTime -2^23 .. 2^23 - 1, in steps of {@link #REFERENCE_TIME_UNIT_MICROS}
 * @param feedbackPacketCount 0-255, incremented by the sender for each feedback, wrapping
 * @param packetStatuses one per sequence number from the base on, wrapping after 65535
 */
public record TransportCcFeedback(long senderSsrc, long mediaSsrc, int baseSequenceNumber, int referenceTime,
        int feedbackPacketCount, List<TransportCcPacketStatus> packetStatuses) implements RtcpPacket {

    public static final int FORMAT = 15;
    public static final long REFERENCE_TIME_UNIT_MICROS = 64_000;
    public static final long DELTA_UNIT_MICROS = 250;
    public static final int MIN_REFERENCE_TIME = -(1 << 23);
    public static final int MAX_REFERENCE_TIME = (1 << 23) - 1;
    public static final int MAX_PACKET_STATUSES = 0xFFFF;

    /** The feedback header, base and count, reference time and feedback packet count. */
    private static final int CHUNKS_OFFSET = 20;

    public TransportCcFeedback {
        RtcpHeader.requireUnsigned32(senderSsrc, "sender SSRC");
        RtcpHeader.requireUnsigned32(mediaSsrc, "media SSRC");
        if (baseSequenceNumber < 0 || baseSequenceNumber > 0xFFFF) {
            throw new IllegalArgumentException("base sequence number " + baseSequenceNumber + " outside 0..65535");
        }
        if (referenceTime < MIN_REFERENCE_TIME || referenceTime > MAX_REFERENCE_TIME) {
            throw new IllegalArgumentException("reference time " + referenceTime + " is not a signed 24-bit value");
        }
        if (feedbackPacketCount < 0 || feedbackPacketCount > 0xFF) {
            throw new IllegalArgumentException("feedback packet count " + feedbackPacketCount + " outside 0..255");
        }
        packetStatuses = List.copyOf(packetStatuses);
        if (packetStatuses.isEmpty() || packetStatuses.size() > MAX_PACKET_STATUSES) {
            throw new IllegalArgumentException("a transport-cc feedback reports 1 to " + MAX_PACKET_STATUSES
                    + " packets, not " + packetStatuses.size());
        }
    }

    public int packetStatusCount() {
        return packetStatuses.size();
    }

    /** The transport-wide sequence number the status at {@code index} is about. */
    public int sequenceNumber(int index) {
        Objects.checkIndex(index, packetStatuses.size());
        return (baseSequenceNumber + index) & 0xFFFF;
    }

    static TransportCcFeedback parse(RtcpPacketView packet) throws MalformedRtcpException {
        if (packet.contentLength() < CHUNKS_OFFSET) {
            throw new MalformedRtcpException("transport-cc feedback of " + packet.contentLength()
                    + " bytes is shorter than the " + CHUNKS_OFFSET + " bytes before its first packet chunk");
        }
        byte[] buffer = packet.buffer();
        int offset = packet.offset();
        int end = offset + packet.contentLength();
        int statusCount = NetworkByteOrder.uint16(buffer, offset + 14);
        if (statusCount == 0) {
            throw new MalformedRtcpException("transport-cc feedback reports no packet");
        }
        byte[] symbols = new byte[statusCount];
        int position = TransportCcStatusChunks.read(buffer, offset + CHUNKS_OFFSET, end, symbols);
        List<TransportCcPacketStatus> statuses = new ArrayList<>(statusCount);
        for (int i = 0; i < statusCount; i++) {
            int deltaLength = symbols[i];
            if (position + deltaLength > end) {
                throw new MalformedRtcpException("transport-cc feedback ends in the receive delta of packet " + i
                        + " of " + statusCount);
            }
            switch (deltaLength) {
                case TransportCcPacketStatus.SYMBOL_NOT_RECEIVED -> statuses.add(TransportCcPacketStatus.NOT_RECEIVED);
                case TransportCcPacketStatus.SYMBOL_SMALL_DELTA ->
                        statuses.add(TransportCcPacketStatus.received(NetworkByteOrder.uint8(buffer, position)));
                default -> statuses.add(TransportCcPacketStatus.received(
                        (short) NetworkByteOrder.uint16(buffer, position)));
            }
            position += deltaLength;
        }
        int referenceTime = NetworkByteOrder.uint24(buffer, offset + 16) << 8 >> 8;
        return new TransportCcFeedback(NetworkByteOrder.uint32(buffer, offset + 4),
                NetworkByteOrder.uint32(buffer, offset + 8), NetworkByteOrder.uint16(buffer, offset + 12),
                referenceTime, NetworkByteOrder.uint8(buffer, offset + 19), statuses);
    }

    @Override
    public int length() {
        return length(TransportCcStatusChunks.encode(symbols()).length);
    }

    @Override
    public int writeTo(byte[] buffer, int offset) {
        int[] chunks = TransportCcStatusChunks.encode(symbols());
        int length = length(chunks.length);
        RtcpHeader.writeFeedback(buffer, offset, FORMAT, RtcpPacketType.TRANSPORT_LAYER_FEEDBACK, length, senderSsrc,
                mediaSsrc);
        NetworkByteOrder.writeUint16(buffer, offset + 12, baseSequenceNumber);
        NetworkByteOrder.writeUint16(buffer, offset + 14, packetStatuses.size());
        NetworkByteOrder.writeUint24(buffer, offset + 16, referenceTime);
        buffer[offset + 19] = (byte) feedbackPacketCount;
        int position = offset + CHUNKS_OFFSET;
        for (int chunk : chunks) {
            NetworkByteOrder.writeUint16(buffer, position, chunk);
            position += TransportCcStatusChunks.LENGTH;
        }
        for (TransportCcPacketStatus status : packetStatuses) {
            if (status.deltaLength() == 1) {
                buffer[position++] = (byte) status.receiveDelta();
            } else if (status.deltaLength() == 2) {
                NetworkByteOrder.writeUint16(buffer, position, status.receiveDelta());
                position += 2;
            }
        }
        for (int end = offset + length; position < end; position++) {
            buffer[position] = 0;
        }
        return length;
    }

    private int length(int chunkCount) {
        int length = CHUNKS_OFFSET + chunkCount * TransportCcStatusChunks.LENGTH;
        for (TransportCcPacketStatus status : packetStatuses) {
            length += status.deltaLength();
        }
        return (length + 3) & ~3;
    }

    private byte[] symbols() {
        byte[] symbols = new byte[packetStatuses.size()];
        for (int i = 0; i < symbols.length; i++) {
            symbols[i] = (byte) packetStatuses.get(i).symbol();
        }
        return symbols;
    }
}
