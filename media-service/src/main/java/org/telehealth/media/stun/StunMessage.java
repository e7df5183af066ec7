package org.telehealth.media.stun;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.telehealth.media.wire.NetworkByteOrder;

/**
 * A STUN message read in place from the datagram it arrived in (RFC 8489 §5-6). The
 * {@link StunMessageDecoder} checks the framing and notes where each known attribute starts;
 * values are only decoded when asked for, so a value that breaks its attribute's own rules (a
 * PRIORITY of three bytes, an unknown address family) surfaces as a {@link MalformedStunException}
 * from its accessor, which lets a responder answer 400 to a well-framed request.
 *
 * <p>The message reads the caller's array: it is valid until the caller reuses that array.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |0 0|     STUN Message Type     |         Message Length        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                         Magic Cookie 0x2112A442               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                                                               |
 * |                     Transaction ID (96 bits)                  |
 * |                                                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |         Attribute Type        |     Value Length (unpadded)   |  \
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+   | Message Length
 * |        Value, padded to a multiple of 4 bytes                ..   | bytes of these
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+  /
 * </pre>
 */
public final class StunMessage {

    public static final int HEADER_LENGTH = 20;
    public static final int MAGIC_COOKIE = 0x2112A442;
    static final int MAX_USERNAME_BYTES = 512;
    static final int MAX_SOFTWARE_BYTES = 763;

    private final byte[] bytes;
    private final int offset;
    private final int length;
    private final StunMessageType type;
    private final TransactionId transactionId;
    private final AttributeIndex attributes;

    StunMessage(byte[] bytes, int offset, int length, StunMessageType type, TransactionId transactionId,
            AttributeIndex attributes) {
        this.bytes = bytes;
        this.offset = offset;
        this.length = length;
        this.type = type;
        this.transactionId = transactionId;
        this.attributes = attributes;
    }

    public StunMessageType type() {
        return type;
    }

    public TransactionId transactionId() {
        return transactionId;
    }

    /** The size of the whole message, header included. */
    public int length() {
        return length;
    }

    /**
     * Whether the attribute was found. Attributes after MESSAGE-INTEGRITY, except FINGERPRINT, are
     * not counted: RFC 8489 §14.5 has receivers ignore them since nothing protects them.
     */
    public boolean contains(StunAttributeType attribute) {
        return attributes.contains(attribute);
    }

    public Optional<String> username() throws MalformedStunException {
        return text(StunAttributeType.USERNAME, MAX_USERNAME_BYTES);
    }

    public Optional<String> software() throws MalformedStunException {
        return text(StunAttributeType.SOFTWARE, MAX_SOFTWARE_BYTES);
    }

    /** The PRIORITY of the candidate the peer would learn from this check (RFC 8445 §7.1.1). */
    public OptionalLong priority() throws MalformedStunException {
        if (!contains(StunAttributeType.PRIORITY)) {
            return OptionalLong.empty();
        }
        return OptionalLong.of((int) NetworkByteOrder.uint32(bytes, fixedLengthValueAt(StunAttributeType.PRIORITY, 4))
                & 0xFFFF_FFFFL);
    }

    /** Whether the controlling agent nominates the pair with this check (RFC 8445 §7.1.2). */
    public boolean useCandidate() throws MalformedStunException {
        if (!contains(StunAttributeType.USE_CANDIDATE)) {
            return false;
        }
        fixedLengthValueAt(StunAttributeType.USE_CANDIDATE, 0);
        return true;
    }

    /** The tie-breaker of a peer claiming the controlling role (RFC 8445 §7.1.3). */
    public OptionalLong iceControlling() throws MalformedStunException {
        return tieBreaker(StunAttributeType.ICE_CONTROLLING);
    }

    /** The tie-breaker of a peer claiming the controlled role (RFC 8445 §7.1.3). */
    public OptionalLong iceControlled() throws MalformedStunException {
        return tieBreaker(StunAttributeType.ICE_CONTROLLED);
    }

    public Optional<InetSocketAddress> xorMappedAddress() throws MalformedStunException {
        if (!contains(StunAttributeType.XOR_MAPPED_ADDRESS)) {
            return Optional.empty();
        }
        int at = attributes.headerAt(StunAttributeType.XOR_MAPPED_ADDRESS);
        return Optional.of(XorMappedAddress.read(bytes, offset, at + 4, valueLength(at)));
    }

    public Optional<StunErrorCode> errorCode() throws MalformedStunException {
        if (!contains(StunAttributeType.ERROR_CODE)) {
            return Optional.empty();
        }
        int at = attributes.headerAt(StunAttributeType.ERROR_CODE);
        int valueLength = valueLength(at);
        if (valueLength < 4 || valueLength > 4 + StunErrorCode.MAX_REASON_PHRASE_BYTES) {
            throw new MalformedStunException("ERROR-CODE of " + valueLength + " bytes");
        }
        int errorClass = bytes[at + 6] & 0x07;
        int number = bytes[at + 7] & 0xFF;
        if (errorClass < 3 || errorClass > 6 || number > 99) {
            throw new MalformedStunException("ERROR-CODE with class " + errorClass + " and number " + number);
        }
        return Optional.of(new StunErrorCode(errorClass * 100 + number, utf8(at + 8, valueLength - 4, "ERROR-CODE")));
    }

    /** The attribute types an error response 420 lists in UNKNOWN-ATTRIBUTES. */
    public List<Integer> reportedUnknownAttributes() throws MalformedStunException {
        if (!contains(StunAttributeType.UNKNOWN_ATTRIBUTES)) {
            return List.of();
        }
        int at = attributes.headerAt(StunAttributeType.UNKNOWN_ATTRIBUTES);
        int valueLength = valueLength(at);
        if (valueLength % 2 != 0) {
            throw new MalformedStunException("UNKNOWN-ATTRIBUTES of an odd number of bytes: " + valueLength);
        }
        List<Integer> types = new ArrayList<>(valueLength / 2);
        for (int i = 0; i < valueLength; i += 2) {
            types.add(NetworkByteOrder.uint16(bytes, at + 4 + i));
        }
        return List.copyOf(types);
    }

    /**
     * Comprehension-required attribute types this codec does not know, distinct, in order of
     * appearance, at most 32 of them.
     */
    public List<Integer> unknownComprehensionRequiredAttributes() {
        return Arrays.stream(attributes.unknownComprehensionRequired()).boxed().toList();
    }

    /** Whether MESSAGE-INTEGRITY is present and right for this password; false when absent. */
    public boolean integrityMatches(MessageIntegrity integrity) {
        return contains(StunAttributeType.MESSAGE_INTEGRITY)
                && integrity.matches(bytes, offset, attributes.headerAt(StunAttributeType.MESSAGE_INTEGRITY));
    }

    /** Whether FINGERPRINT is present and right; false when absent. */
    public boolean fingerprintMatches() {
        return contains(StunAttributeType.FINGERPRINT)
                && Fingerprint.matches(bytes, offset, attributes.headerAt(StunAttributeType.FINGERPRINT));
    }

    @Override
    public String toString() {
        return "StunMessage[" + type + ", " + transactionId + ", " + length + " bytes]";
    }

    private OptionalLong tieBreaker(StunAttributeType attribute) throws MalformedStunException {
        if (!contains(attribute)) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(NetworkByteOrder.int64(bytes, fixedLengthValueAt(attribute, 8)));
    }

    private Optional<String> text(StunAttributeType attribute, int maxBytes) throws MalformedStunException {
        if (!contains(attribute)) {
            return Optional.empty();
        }
        int at = attributes.headerAt(attribute);
        int valueLength = valueLength(at);
        if (valueLength > maxBytes) {
            throw new MalformedStunException(attribute + " of " + valueLength + " bytes exceeds " + maxBytes);
        }
        return Optional.of(utf8(at + 4, valueLength, attribute.toString()));
    }

    private String utf8(int at, int byteCount, String what) throws MalformedStunException {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes, at, byteCount)).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedStunException(what + " is not valid UTF-8");
        }
    }

    private int fixedLengthValueAt(StunAttributeType attribute, int expectedLength) throws MalformedStunException {
        int at = attributes.headerAt(attribute);
        int valueLength = valueLength(at);
        if (valueLength != expectedLength) {
            throw new MalformedStunException(attribute + " must have " + expectedLength + " bytes, not " + valueLength);
        }
        return at + 4;
    }

    private int valueLength(int attributeHeaderAt) {
        return NetworkByteOrder.uint16(bytes, attributeHeaderAt + 2);
    }
}
