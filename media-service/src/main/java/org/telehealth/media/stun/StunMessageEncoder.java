package org.telehealth.media.stun;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.telehealth.media.wire.NetworkByteOrder;

/**
 * Writes one STUN message, attribute by attribute, in the order the methods are called, each
 * value padded with zeros to 4 bytes (RFC 8489 §14). MESSAGE-INTEGRITY and FINGERPRINT are
 * computed over what was written before them, so they come last, in that order: after
 * {@link #messageIntegrity} only {@link #fingerprint} may follow, and nothing after
 * {@link #fingerprint}. The header's length field is filled in by {@link #toByteArray}.
 *
 * <pre>
 *  | header (20) | attribute | attribute | ... | MESSAGE-INTEGRITY (24) | FINGERPRINT (8) |
 *  attribute = | type (2) | value length (2) | value | zero padding to a multiple of 4 |
 * </pre>
 *
 * Not thread-safe: one encoder per message.
 */
public final class StunMessageEncoder {

    private static final int INITIAL_CAPACITY = 128;
    private static final int MAX_LENGTH = StunMessage.HEADER_LENGTH + 0xFFFC;

    private byte[] buffer = new byte[INITIAL_CAPACITY];
    private int position;
    private boolean integrityWritten;
    private boolean fingerprintWritten;

    public StunMessageEncoder(StunMessageType type, TransactionId transactionId) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(transactionId, "transactionId");
        NetworkByteOrder.writeUint16(buffer, 0, type.toBits());
        NetworkByteOrder.writeUint32(buffer, 4, StunMessage.MAGIC_COOKIE);
        transactionId.writeTo(buffer, 8);
        position = StunMessage.HEADER_LENGTH;
    }

    public StunMessageEncoder username(String username) {
        byte[] value = username.getBytes(StandardCharsets.UTF_8);
        if (value.length > StunMessage.MAX_USERNAME_BYTES) {
            throw new IllegalArgumentException("USERNAME has at most " + StunMessage.MAX_USERNAME_BYTES + " bytes");
        }
        return bytes(StunAttributeType.USERNAME.code(), value);
    }

    public StunMessageEncoder software(String software) {
        byte[] value = software.getBytes(StandardCharsets.UTF_8);
        if (value.length > StunMessage.MAX_SOFTWARE_BYTES) {
            throw new IllegalArgumentException("SOFTWARE has at most " + StunMessage.MAX_SOFTWARE_BYTES + " bytes");
        }
        return bytes(StunAttributeType.SOFTWARE.code(), value);
    }

    /** @param priority an unsigned 32-bit candidate priority */
    public StunMessageEncoder priority(long priority) {
        if (priority < 0 || priority > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("PRIORITY is an unsigned 32-bit value, got " + priority);
        }
        int valueAt = attributeHeader(StunAttributeType.PRIORITY.code(), 4);
        NetworkByteOrder.writeUint32(buffer, valueAt, (int) priority);
        return this;
    }

    public StunMessageEncoder useCandidate() {
        attributeHeader(StunAttributeType.USE_CANDIDATE.code(), 0);
        return this;
    }

    public StunMessageEncoder iceControlling(long tieBreaker) {
        return tieBreaker(StunAttributeType.ICE_CONTROLLING, tieBreaker);
    }

    public StunMessageEncoder iceControlled(long tieBreaker) {
        return tieBreaker(StunAttributeType.ICE_CONTROLLED, tieBreaker);
    }

    public StunMessageEncoder xorMappedAddress(InetSocketAddress address) {
        if (address == null || address.isUnresolved()) {
            throw new IllegalArgumentException("XOR-MAPPED-ADDRESS needs a resolved address, got " + address);
        }
        int valueAt = attributeHeader(StunAttributeType.XOR_MAPPED_ADDRESS.code(),
                XorMappedAddress.valueLength(address));
        XorMappedAddress.write(address, buffer, 0, valueAt);
        return this;
    }

    public StunMessageEncoder errorCode(StunErrorCode error) {
        byte[] reason = error.reasonPhrase().getBytes(StandardCharsets.UTF_8);
        int valueAt = attributeHeader(StunAttributeType.ERROR_CODE.code(), 4 + reason.length);
        buffer[valueAt] = 0;
        buffer[valueAt + 1] = 0;
        buffer[valueAt + 2] = (byte) error.errorClass();
        buffer[valueAt + 3] = (byte) error.number();
        System.arraycopy(reason, 0, buffer, valueAt + 4, reason.length);
        return this;
    }

    /** The UNKNOWN-ATTRIBUTES of a 420 response: the comprehension-required types not understood. */
    public StunMessageEncoder unknownAttributes(List<Integer> types) {
        int valueAt = attributeHeader(StunAttributeType.UNKNOWN_ATTRIBUTES.code(), 2 * types.size());
        for (int i = 0; i < types.size(); i++) {
            NetworkByteOrder.writeUint16(buffer, valueAt + 2 * i, checkedType(types.get(i)));
        }
        return this;
    }

    /** An attribute this encoder has no method for, written as given. */
    public StunMessageEncoder attribute(int type, byte[] value) {
        checkedType(type);
        if (type == StunAttributeType.MESSAGE_INTEGRITY.code() || type == StunAttributeType.FINGERPRINT.code()) {
            throw new IllegalArgumentException("MESSAGE-INTEGRITY and FINGERPRINT are computed, not given");
        }
        return bytes(type, value.clone());
    }

    public StunMessageEncoder messageIntegrity(MessageIntegrity integrity) {
        Objects.requireNonNull(integrity, "integrity");
        if (integrityWritten) {
            throw new IllegalStateException("MESSAGE-INTEGRITY is already written");
        }
        int headerAt = position;
        int valueAt = attributeHeader(StunAttributeType.MESSAGE_INTEGRITY.code(), MessageIntegrity.LENGTH);
        integrity.write(buffer, 0, headerAt, buffer, valueAt);
        integrityWritten = true;
        return this;
    }

    public StunMessageEncoder fingerprint() {
        checkOpen();
        int headerAt = position;
        int valueAt = attributeHeader(StunAttributeType.FINGERPRINT.code(), Fingerprint.LENGTH);
        NetworkByteOrder.writeUint32(buffer, valueAt, Fingerprint.compute(buffer, 0, headerAt));
        fingerprintWritten = true;
        return this;
    }

    /** The message as written so far, its length field set. */
    public byte[] toByteArray() {
        NetworkByteOrder.writeUint16(buffer, 2, position - StunMessage.HEADER_LENGTH);
        return Arrays.copyOf(buffer, position);
    }

    private StunMessageEncoder tieBreaker(StunAttributeType type, long tieBreaker) {
        int valueAt = attributeHeader(type.code(), 8);
        NetworkByteOrder.writeInt64(buffer, valueAt, tieBreaker);
        return this;
    }

    private StunMessageEncoder bytes(int type, byte[] value) {
        int valueAt = attributeHeader(type, value.length);
        System.arraycopy(value, 0, buffer, valueAt, value.length);
        return this;
    }

    /**
     * Writes an attribute header, zeroes the value and its padding, and returns where the value
     * starts. Only FINGERPRINT may follow MESSAGE-INTEGRITY, which {@link #fingerprint} checks.
     */
    private int attributeHeader(int type, int valueLength) {
        checkOpen();
        if (integrityWritten && type != StunAttributeType.FINGERPRINT.code()) {
            throw new IllegalStateException("only FINGERPRINT may follow MESSAGE-INTEGRITY");
        }
        int paddedLength = valueLength + 3 & ~3;
        int end = position + 4 + paddedLength;
        if (end > MAX_LENGTH) {
            throw new IllegalArgumentException("a STUN message holds at most " + MAX_LENGTH + " bytes");
        }
        if (end > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(end, 2 * buffer.length));
        }
        NetworkByteOrder.writeUint16(buffer, position, type);
        NetworkByteOrder.writeUint16(buffer, position + 2, valueLength);
        int valueAt = position + 4;
        Arrays.fill(buffer, valueAt, end, (byte) 0);
        position = end;
        return valueAt;
    }

    private void checkOpen() {
        if (fingerprintWritten) {
            throw new IllegalStateException("FINGERPRINT is the last attribute of a message");
        }
    }

    private static int checkedType(int type) {
        if (type < 0 || type > 0xFFFF) {
            throw new IllegalArgumentException("an attribute type has 16 bits, got " + type);
        }
        return type;
    }
}
