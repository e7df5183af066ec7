package org.telehealth.media.rtp;

import org.telehealth.media.wire.NetworkByteOrder;

/**
 * The transport-wide sequence number header extension
 * (draft-holmer-rmcat-transport-wide-cc-extensions-01): one 16-bit counter across every stream of
 * a transport, which the receiver echoes in transport-cc feedback with arrival times. The SFU reads
 * it on what browsers send, to answer with that feedback. (What it forwards still carries the
 * publisher's numbers; each receiving browser's downlink would need the SFU's own counter.)
 *
 * <pre>
 *  0                   1
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  transport-wide sequence nr   |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public final class TransportSequenceNumberExtension {

    public static final String URI =
            "http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01";
    /** What {@link #read} returns when the packet does not carry the extension. */
    public static final int NOT_PRESENT = -1;
    public static final int DATA_LENGTH = 2;

    private final int id;

    /** @param id the id the extension was negotiated with ({@code a=extmap}) */
    public TransportSequenceNumberExtension(int id) {
        this.id = HeaderExtensionBlock.requireId(id);
    }

    public int id() {
        return id;
    }

    /** The sequence number (0-65535) the packet carries, or {@link #NOT_PRESENT}. */
    public int read(RtpPacket packet) {
        int index = packet.findHeaderExtension(id, DATA_LENGTH);
        if (index == RtpPacket.NOT_FOUND) {
            return NOT_PRESENT;
        }
        return NetworkByteOrder.uint16(packet.buffer(), index);
    }

    /**
     * Overwrites the sequence number in place; returns false, changing nothing, if the packet
     * carries no 2-byte element with this id.
     */
    public boolean write(RtpPacket packet, int sequenceNumber) {
        if (sequenceNumber < 0 || sequenceNumber > 0xFFFF) {
            throw new IllegalArgumentException("transport sequence number " + sequenceNumber + " outside 0..65535");
        }
        int index = packet.findHeaderExtension(id, DATA_LENGTH);
        if (index == RtpPacket.NOT_FOUND) {
            return false;
        }
        NetworkByteOrder.writeUint16(packet.buffer(), index, sequenceNumber);
        return true;
    }
}
