package org.telehealth.media.room;

import org.telehealth.media.rtp.AbsSendTimeExtension;
import org.telehealth.media.rtp.RtpPacket;
import org.telehealth.media.sdp.MediaKind;
import org.telehealth.media.srtp.SrtpPacketBuffer;
import org.telehealth.media.wire.NetworkByteOrder;

/**
 * Writes the copy of a publisher's packet that goes to one receiver, with the header extensions
 * that receiver negotiated, under its ids, instead of the publisher's, and the payload type under
 * the receiver's number for the format ({@link PayloadTypes}). The publisher's extensions
 * describe its own uplink and sections (mid, rid, its transport-wide sequence number), which mean
 * nothing or something wrong to another browser; what a receiver gets is:
 *
 * <ul>
 *   <li>video: abs-send-time, stamped with the SFU's send time, from which the receiver's
 *       bandwidth estimator measures the SFU-to-receiver path and sends its REMB;
 *   <li>audio: the publisher's audio level, if both negotiated it.
 * </ul>
 *
 * <pre>
 * publisher: | fixed header, CSRCs | 0xBEDE | n | mid | transport-cc | abs-send-time | ... | payload | padding |
 * receiver:  | fixed header, CSRCs | 0xBEDE | 1 | id | abs-send-time (3) |                  | payload | padding |
 *                                      one element, padded to 32 bits; none at all: X = 0
 * </pre>
 *
 * An id above 14 takes the two-byte form (profile 0x1000). Every packet for a receiver, forwarded
 * or retransmitted, is written here; the copy has room for SRTP's trailer. Stateless.
 */
final class DownstreamPacketWriter {

    private static final int EXTENSION_BIT = 0x10;
    private static final int MARKER_BIT = 0x80;
    private static final int PAYLOAD_TYPE_MASK = 0x7F;
    private static final int EXTENSION_HEADER_LENGTH = 4;
    private static final int ONE_BYTE_PROFILE = 0xBEDE;
    private static final int TWO_BYTE_PROFILE = 0x1000;
    private static final int MAX_ONE_BYTE_ID = 14;
    private static final int AUDIO_LEVEL_LENGTH = 1;
    private static final long SEND_TIME_CYCLE_NANOS = 64_000_000_000L;

    private DownstreamPacketWriter() {
    }

    /**
     * The receiver's copy of {@code packet} of a track of {@code kind}, sent at {@code nowNanos}, with
     * room for SRTP, its payload type {@code payloadType} (the receiver's number for the format).
     */
    static SrtpPacketBuffer write(RtpPacket packet, MediaKind kind, ExtensionIds publisher, ExtensionIds receiver,
            int payloadType, long nowNanos) {
        return write(packet, kind, publisher, receiver, payloadType, nowNanos, SrtpPacketBuffer.TRAILER_ROOM);
    }

    /** Such a copy under the publisher's payload type, as the recording fork describes it. */
    static SrtpPacketBuffer write(RtpPacket packet, MediaKind kind, ExtensionIds publisher, ExtensionIds receiver,
            long nowNanos) {
        return write(packet, kind, publisher, receiver, packet.payloadType(), nowNanos);
    }

    /** The receiver's copy of {@code packet}, exactly as long as the packet (to keep for a retransmission). */
    static byte[] writeBytes(RtpPacket packet, MediaKind kind, ExtensionIds publisher, ExtensionIds receiver,
            int payloadType, long nowNanos) {
        return write(packet, kind, publisher, receiver, payloadType, nowNanos, 0).getBuffer();
    }

    /** Such a copy under the publisher's payload type. */
    static byte[] writeBytes(RtpPacket packet, MediaKind kind, ExtensionIds publisher, ExtensionIds receiver,
            long nowNanos) {
        return writeBytes(packet, kind, publisher, receiver, packet.payloadType(), nowNanos);
    }

    private static SrtpPacketBuffer write(RtpPacket packet, MediaKind kind, ExtensionIds publisher, ExtensionIds receiver,
            int payloadType, long nowNanos, int room) {
        int id = ExtensionIds.ABSENT;
        int dataLength = 0;
        int audioLevel = RtpPacket.NOT_FOUND;
        if (kind == MediaKind.VIDEO && receiver.absSendTime() != ExtensionIds.ABSENT) {
            id = receiver.absSendTime();
            dataLength = AbsSendTimeExtension.DATA_LENGTH;
        } else if (kind == MediaKind.AUDIO && receiver.audioLevel() != ExtensionIds.ABSENT
                && publisher.audioLevel() != ExtensionIds.ABSENT) {
            audioLevel = packet.findHeaderExtension(publisher.audioLevel(), AUDIO_LEVEL_LENGTH);
            if (audioLevel != RtpPacket.NOT_FOUND) {
                id = receiver.audioLevel();
                dataLength = AUDIO_LEVEL_LENGTH;
            }
        }
        boolean oneByte = id <= MAX_ONE_BYTE_ID;
        int elementLength = id == ExtensionIds.ABSENT ? 0 : (oneByte ? 1 : 2) + dataLength;
        int blockLength = elementLength == 0 ? 0 : EXTENSION_HEADER_LENGTH + (elementLength + 3) / 4 * 4;
        int fixedLength = RtpPacket.FIXED_HEADER_LENGTH + 4 * packet.csrcCount();
        int bodyLength = packet.length() - packet.headerLength();
        int length = fixedLength + blockLength + bodyLength;
        byte[] copy = new byte[length + room];

        System.arraycopy(packet.buffer(), packet.offset(), copy, 0, fixedLength);
        copy[0] = (byte) (blockLength == 0 ? copy[0] & ~EXTENSION_BIT : copy[0] | EXTENSION_BIT);
        copy[1] = (byte) (copy[1] & MARKER_BIT | payloadType & PAYLOAD_TYPE_MASK);
        if (blockLength > 0) {
            NetworkByteOrder.writeUint16(copy, fixedLength, oneByte ? ONE_BYTE_PROFILE : TWO_BYTE_PROFILE);
            NetworkByteOrder.writeUint16(copy, fixedLength + 2, (blockLength - EXTENSION_HEADER_LENGTH) / 4);
            int element = fixedLength + EXTENSION_HEADER_LENGTH;
            int data;
            if (oneByte) {
                copy[element] = (byte) (id << 4 | dataLength - 1);
                data = element + 1;
            } else {
                copy[element] = (byte) id;
                copy[element + 1] = (byte) dataLength;
                data = element + 2;
            }
            if (audioLevel != RtpPacket.NOT_FOUND) {
                copy[data] = packet.buffer()[audioLevel];
            } else {
                NetworkByteOrder.writeUint24(copy, data,
                        AbsSendTimeExtension.fromNanos(Math.floorMod(nowNanos, SEND_TIME_CYCLE_NANOS)));
            }
        }
        System.arraycopy(packet.buffer(), packet.offset() + packet.headerLength(), copy, fixedLength + blockLength,
                bodyLength);
        return new SrtpPacketBuffer(copy, 0, length);
    }
}
