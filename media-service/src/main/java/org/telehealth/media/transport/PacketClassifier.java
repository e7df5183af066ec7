package org.telehealth.media.transport;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Tells which protocol a datagram arriving on the shared WebRTC port belongs to, from its first
 * byte (RFC 7983 §7) and, for RTP and RTCP, its second (RFC 5761 §4). It looks at no more than
 * that, so it runs on every packet; each protocol's own parser checks the rest.
 *
 * <pre>
 *  first byte   0..3    STUN
 *              20..63   DTLS
 *             128..191  RTP or RTCP (version 2), told apart by the second byte:
 *
 *                       RTP   |V=2|P|X|  CC   |M|     PT      |
 *                       RTCP  |V=2|P|   RC    |   packet type   |
 *
 *                       192..223 there is an RTCP packet type (SR 200, RR 201, ...);
 *                       RFC 5761 keeps RTP payload types, marker bit included, out of it
 *  anything else, or an empty datagram: UNKNOWN (ZRTP, TURN channels, garbage)
 * </pre>
 */
public final class PacketClassifier {

    private PacketClassifier() {
    }

    /** Classifies {@code datagram[offset, offset + length)}. */
    public static PacketKind classify(byte[] datagram, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, datagram.length);
        if (length == 0) {
            return PacketKind.UNKNOWN;
        }
        return classify(datagram[offset] & 0xFF, length > 1 ? datagram[offset + 1] & 0xFF : -1);
    }

    /** Classifies the remaining bytes of {@code datagram}, leaving its position where it was. */
    public static PacketKind classify(ByteBuffer datagram) {
        int at = datagram.position();
        int remaining = datagram.remaining();
        if (remaining == 0) {
            return PacketKind.UNKNOWN;
        }
        return classify(datagram.get(at) & 0xFF, remaining > 1 ? datagram.get(at + 1) & 0xFF : -1);
    }

    /** @param secondByte the second byte, or -1 when the datagram has only one */
    private static PacketKind classify(int firstByte, int secondByte) {
        if (firstByte <= 3) {
            return PacketKind.STUN;
        }
        if (firstByte >= 20 && firstByte <= 63) {
            return PacketKind.DTLS;
        }
        if (firstByte >= 128 && firstByte <= 191) {
            if (secondByte < 0) {
                return PacketKind.UNKNOWN;
            }
            return secondByte >= 192 && secondByte <= 223 ? PacketKind.RTCP : PacketKind.RTP;
        }
        return PacketKind.UNKNOWN;
    }
}
