package org.telehealth.media.rtcp;

import java.util.List;

/**
 * An RTCP packet the SFU understands, parsed from the wire by {@link RtcpCompoundParser} or built
 * to be sent. Each kind knows its own byte layout, drawn in its class comment.
 */
public sealed interface RtcpPacket permits SenderReport, ReceiverReport, SourceDescription, Goodbye,
        GenericNack, TransportCcFeedback, PictureLossIndication, FullIntraRequest, ReceiverEstimatedMaxBitrate {

    /** Bytes the packet takes on the wire, header included: always a multiple of four. */
    int length();

    /**
     * Writes the packet, without padding, into {@code buffer} from {@code offset}.
     *
     * @return the number of bytes written, {@link #length()}
     * @throws IllegalArgumentException if the packet does not fit in the buffer from {@code offset}
     */
    int writeTo(byte[] buffer, int offset);

    default byte[] toBytes() {
        byte[] bytes = new byte[length()];
        writeTo(bytes, 0);
        return bytes;
    }

    /** The packets, in order, as one compound RTCP packet. */
    static byte[] toCompoundBytes(List<? extends RtcpPacket> packets) {
        int length = 0;
        for (RtcpPacket packet : packets) {
            length += packet.length();
        }
        byte[] bytes = new byte[length];
        int offset = 0;
        for (RtcpPacket packet : packets) {
            offset += packet.writeTo(bytes, offset);
        }
        return bytes;
    }
}
