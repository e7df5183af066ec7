package org.telehealth.media.stun;

import java.util.Objects;
import org.telehealth.media.wire.NetworkByteOrder;

/**
 * Checks that a datagram is framed as one STUN message and indexes its attributes in a single
 * walk, without copying it. Anything that is not a STUN message is rejected with a
 * {@link MalformedStunException} saying why: a header that is short or whose first two bits are
 * set, a wrong magic cookie, a length field that is not a multiple of 4 (attributes are padded to
 * 4 bytes, so a message is too) or disagrees with the datagram, an attribute running past the
 * end, a MESSAGE-INTEGRITY or FINGERPRINT of the wrong size, anything after FINGERPRINT, or a
 * datagram larger than any connectivity check needs. As the message and every attribute start on
 * a 4-byte boundary, an attribute whose value fits also has room for its padding; padding bytes
 * themselves may hold anything (RFC 8489 §14). Each attribute moves the walk forward by at least
 * 4 bytes, so it ends after at most {@code length / 4} steps whatever the input. Values are
 * checked later, by the accessors of {@link StunMessage}.
 *
 * <p>Stateless, hence safe to share between threads.
 */
public final class StunMessageDecoder {

    /**
     * Binding requests are around 100 bytes; 1280 (the smallest IPv6 MTU) leaves room for any
     * extension attributes a browser adds, and caps the work garbage can cause.
     */
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 1280;
    private static final int MAX_MESSAGE_BYTES = StunMessage.HEADER_LENGTH + 0xFFFC;
    private static final int ATTRIBUTE_HEADER_LENGTH = 4;

    private final int maxMessageBytes;

    public StunMessageDecoder() {
        this(DEFAULT_MAX_MESSAGE_BYTES);
    }

    public StunMessageDecoder(int maxMessageBytes) {
        if (maxMessageBytes < StunMessage.HEADER_LENGTH || maxMessageBytes > MAX_MESSAGE_BYTES) {
            throw new IllegalArgumentException("maxMessageBytes must lie between " + StunMessage.HEADER_LENGTH
                    + " and " + MAX_MESSAGE_BYTES + ", got " + maxMessageBytes);
        }
        this.maxMessageBytes = maxMessageBytes;
    }

    /**
     * Reads the message that fills {@code datagram[offset, offset + length)}.
     *
     * @throws IndexOutOfBoundsException if the range lies outside the array (a bug of the caller,
     *     not of the datagram)
     */
    public StunMessage decode(byte[] datagram, int offset, int length) throws MalformedStunException {
        Objects.checkFromIndexSize(offset, length, datagram.length);
        checkHeader(datagram, offset, length);

        AttributeIndex index = new AttributeIndex();
        int end = offset + length;
        int at = offset + StunMessage.HEADER_LENGTH;
        while (at < end) {
            if (index.contains(StunAttributeType.FINGERPRINT)) {
                throw new MalformedStunException("attribute after FINGERPRINT at byte " + (at - offset)
                        + ": FINGERPRINT must be last");
            }
            int type = NetworkByteOrder.uint16(datagram, at);
            int valueLength = NetworkByteOrder.uint16(datagram, at + 2);
            int valueAt = at + ATTRIBUTE_HEADER_LENGTH;
            int room = end - valueAt;
            if (valueLength > room) {
                throw new MalformedStunException(String.format(
                        "attribute 0x%04x at byte %d declares %d bytes but only %d remain",
                        type, at - offset, valueLength, room));
            }
            // RFC 8489 §14.5: what follows MESSAGE-INTEGRITY, FINGERPRINT aside, is ignored.
            if (type == StunAttributeType.FINGERPRINT.code()) {
                expectLength(type, valueLength, Fingerprint.LENGTH, at - offset);
                index.add(type, at);
            } else if (!index.contains(StunAttributeType.MESSAGE_INTEGRITY)) {
                if (type == StunAttributeType.MESSAGE_INTEGRITY.code()) {
                    expectLength(type, valueLength, MessageIntegrity.LENGTH, at - offset);
                }
                index.add(type, at);
            }
            at = valueAt + (valueLength + 3 & ~3);
        }
        return new StunMessage(datagram, offset, length,
                StunMessageType.fromBits(NetworkByteOrder.uint16(datagram, offset)),
                TransactionId.readFrom(datagram, offset + 8), index);
    }

    private void checkHeader(byte[] datagram, int offset, int length) throws MalformedStunException {
        if (length < StunMessage.HEADER_LENGTH) {
            throw new MalformedStunException(
                    "datagram of " + length + " bytes is shorter than the 20-byte STUN header");
        }
        if (length > maxMessageBytes) {
            throw new MalformedStunException(
                    "datagram of " + length + " bytes exceeds the limit of " + maxMessageBytes);
        }
        if ((datagram[offset] & 0xC0) != 0) {
            throw new MalformedStunException("the two first bits of a STUN message are zero");
        }
        int messageLength = NetworkByteOrder.uint16(datagram, offset + 2);
        if (messageLength % 4 != 0) {
            throw new MalformedStunException(
                    "message length " + messageLength + " is not a multiple of 4: attributes are padded");
        }
        int cookie = (int) NetworkByteOrder.uint32(datagram, offset + 4);
        if (cookie != StunMessage.MAGIC_COOKIE) {
            throw new MalformedStunException(String.format("magic cookie 0x%08x instead of 0x2112a442", cookie));
        }
        if (StunMessage.HEADER_LENGTH + messageLength != length) {
            throw new MalformedStunException("header announces " + messageLength
                    + " bytes of attributes but the datagram carries " + (length - StunMessage.HEADER_LENGTH));
        }
    }

    private static void expectLength(int type, int valueLength, int expected, int at) throws MalformedStunException {
        if (valueLength != expected) {
            throw new MalformedStunException(String.format(
                    "attribute 0x%04x at byte %d has %d bytes instead of %d", type, at, valueLength, expected));
        }
    }
}
