package org.telehealth.media.stun;

import java.util.zip.CRC32;
import org.telehealth.media.wire.NetworkByteOrder;

/**
 * Computes FINGERPRINT (RFC 8489 §14.7): the CRC-32 of the message up to, not including, the
 * attribute, XOR-ed with 0x5354554E, with the header's length field counting the FINGERPRINT
 * attribute. It tells STUN apart from other traffic on the same port; it protects nothing.
 *
 * <pre>
 *  crc'ed: | type | length' | cookie | transaction id | attributes before FINGERPRINT |
 *  length' = (offset of FINGERPRINT - 20) + 4 + 4
 * </pre>
 */
final class Fingerprint {

    static final int LENGTH = 4;
    private static final int XOR = 0x5354554E;

    private Fingerprint() {
    }

    static int compute(byte[] message, int messageOffset, int attributeAt) {
        int lengthThroughFingerprint = attributeAt - messageOffset - StunMessage.HEADER_LENGTH + 4 + LENGTH;
        CRC32 crc = new CRC32();
        crc.update(message, messageOffset, 2);
        crc.update(lengthThroughFingerprint >>> 8);
        crc.update(lengthThroughFingerprint);
        crc.update(message, messageOffset + 4, attributeAt - messageOffset - 4);
        return (int) crc.getValue() ^ XOR;
    }

    static boolean matches(byte[] message, int messageOffset, int attributeAt) {
        return compute(message, messageOffset, attributeAt) == (int) NetworkByteOrder.uint32(message, attributeAt + 4);
    }
}
