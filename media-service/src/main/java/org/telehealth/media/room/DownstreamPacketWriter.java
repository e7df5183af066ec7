package org.telehealth.media.room;

import java.util.Arrays;
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
 * or retransmitted, is written here: a forwarded packet into a buffer the caller reuses (with room
 * for SRTP's trailer), a packet to keep as an array of its own. Stateless.
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
     * Writes the receiver's copy of {@code packet}, a packet of a track of {@code kind} sent at
     * {@code nowNanos}, into {@code into} (from offset 0, with room for SRTP), replacing what it held,
     * with payload type {@code payloadType} (the receiver's number for the packet's format).
     * Allocates nothing while {@code into} is large enough.
     */
    static void write(RtpPacket packet, MediaKind kind, ExtensionIds publisher, ExtensionIds receiver, int payloadType,
            long nowNanos, SrtpPacketBuffer into) {
        int audioLevel = audioLevelToCarry(packet, kind, publisher, receiver);
        int id = extensionId(kind, receiver, audioLevel);
        write(packet, id, audioLevel, payloadType, nowNanos, into.reset(copyLength(packet, id, audioLevel)));
    }

    /** Such a copy under the publisher's payload type, as the recording fork describes its tracks. */
    static void write(RtpPacket packet, MediaKind kind, ExtensionIds publisher, ExtensionIds receiver, long nowNanos,
            SrtpPacketBuffer into) {
        write(packet, kind, publisher, receiver, packet.payloadType(), nowNanos, into);
    }

    /** The receiver's copy of {@code packet}, exactly as long as the packet (to keep for a retransmission). */
    static byte[] writeBytes(RtpPacket packet, MediaKind kind, ExtensionIds publisher, ExtensionIds receiver,
            int payloadType, long nowNanos) {
        int audioLevel = audioLevelToCarry(packet, kind, publisher, receiver);
        int id = extensionId(kind, receiver, audioLevel);
        byte[] copy = new byte[copyLength(packet, id, audioLevel)];
        write(packet, id, audioLevel, payloadType, nowNanos, copy);
        return copy;
    }

    /** Such a copy under the publisher's payload type. */
    static byte[] writeBytes(RtpPacket packet, MediaKind kind, ExtensionIds publisher, ExtensionIds receiver,
            long nowNanos) {
        return writeBytes(packet, kind, publisher, receiver, packet.payloadType(), nowNanos);
    }

    /** The buffer index of the publisher's audio level to carry over, or {@link RtpPacket#NOT_FOUND}. */
    private static int audioLevelToCarry(RtpPacket packet, MediaKind kind, ExtensionIds publisher, ExtensionIds receiver) {
        if (kind != MediaKind.AUDIO || receiver.audioLevel() == ExtensionIds.ABSENT || publisher.audioLevel() == ExtensionIds.ABSENT) {
            return RtpPacket.NOT_FOUND;
        }
        return packet.findHeaderExtension(publisher.audioLevel(), AUDIO_LEVEL_LENGTH);
    }

    /** The id of the one element the copy carries, or {@link ExtensionIds#ABSENT}. */
    private static int extensionId(MediaKind kind, ExtensionIds receiver, int audioLevel) {
        if (kind == MediaKind.VIDEO) {
            return receiver.absSendTime();
        }
        return audioLevel == RtpPacket.NOT_FOUND ? ExtensionIds.ABSENT : receiver.audioLevel();
    }

    private static int dataLength(int audioLevel) {
        return audioLevel == RtpPacket.NOT_FOUND ? AbsSendTimeExtension.DATA_LENGTH : AUDIO_LEVEL_LENGTH;
    }

    /** The extension block's length, header included, padded to 32 bits; 0 without an element. */
    private static int blockLength(int id, int audioLevel) {
        if (id == ExtensionIds.ABSENT) {
            return 0;
        }
        int elementLength = (id <= MAX_ONE_BYTE_ID ? 1 : 2) + dataLength(audioLevel);
        return EXTENSION_HEADER_LENGTH + (elementLength + 3) / 4 * 4;
    }

    private static int copyLength(RtpPacket packet, int id, int audioLevel) {
        return RtpPacket.FIXED_HEADER_LENGTH + 4 * packet.csrcCount() + blockLength(id, audioLevel)
                + packet.length() - packet.headerLength();
    }

    private static void write(RtpPacket packet, int id, int audioLevel, int payloadType, long nowNanos, byte[] copy) {
        int blockLength = blockLength(id, audioLevel);
        int fixedLength = RtpPacket.FIXED_HEADER_LENGTH + 4 * packet.csrcCount();
        int bodyLength = packet.length() - packet.headerLength();

        System.arraycopy(packet.buffer(), packet.offset(), copy, 0, fixedLength);
        copy[0] = (byte) (blockLength == 0 ? copy[0] & ~EXTENSION_BIT : copy[0] | EXTENSION_BIT);
        copy[1] = (byte) (copy[1] & MARKER_BIT | payloadType & PAYLOAD_TYPE_MASK);
        if (blockLength > 0) {
            boolean oneByte = id <= MAX_ONE_BYTE_ID;
            int dataLength = dataLength(audioLevel);
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
            // the block's padding must read as 0 (RFC 8285), whatever a reused buffer held there
            Arrays.fill(copy, data + dataLength, fixedLength + blockLength, (byte) 0);
        }
        System.arraycopy(packet.buffer(), packet.offset() + packet.headerLength(), copy, fixedLength + blockLength,
                bodyLength);
    }
}
