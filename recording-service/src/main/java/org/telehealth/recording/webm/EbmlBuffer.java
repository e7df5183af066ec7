package org.telehealth.recording.webm;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Builds EBML (RFC 8794), the binary format of Matroska and WebM: every element is its ID (whose
 * first byte's leading zeros give its own length, kept as written in the spec), its data size as a
 * variable-length integer, then its data; a master element's data is its children.
 *
 * <pre>
 * | ID (1-4 bytes) | size: 1xxxxxxx, 01xxxxxx xxxxxxxx, ... 00000001 + 7 bytes | data (size bytes) |
 * </pre>
 *
 * A size of all ones is "unknown" (a live Segment). Unsigned integers take as few bytes as they
 * need, floats eight.
 */
final class EbmlBuffer {

    /** The 8-byte size that means "unknown": the element runs to the end of its parent. */
    static final long UNKNOWN_SIZE = 0x00FF_FFFF_FFFF_FFFFL;
    /** Element ID of Void: bytes a reader skips, reserved for rewriting in place. */
    static final int VOID = 0xEC;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    int length() {
        return bytes.size();
    }

    byte[] toByteArray() {
        return bytes.toByteArray();
    }

    ByteBuffer toByteBuffer() {
        return ByteBuffer.wrap(bytes.toByteArray());
    }

    void reset() {
        bytes.reset();
    }

    EbmlBuffer id(int id) {
        int length = id > 0xFFFFFF ? 4 : id > 0xFFFF ? 3 : id > 0xFF ? 2 : 1;
        for (int shift = 8 * (length - 1); shift >= 0; shift -= 8) {
            bytes.write(id >> shift);
        }
        return this;
    }

    /** A data size in as few bytes as it takes. */
    EbmlBuffer size(long size) {
        int length = 1;
        while (length < 8 && size >= (1L << (7 * length)) - 1) {
            length++;
        }
        return size(size, length);
    }

    /** A data size in exactly {@code length} bytes (1..8). */
    EbmlBuffer size(long size, int length) {
        if (size < 0 || (size > (1L << (7 * length)) - 2 && size != UNKNOWN_SIZE)) {
            throw new IllegalArgumentException("size " + size + " does not fit in " + length + " bytes");
        }
        long marked = size == UNKNOWN_SIZE ? UNKNOWN_SIZE | 1L << 56 : size | 1L << (7 * length);
        for (int shift = 8 * (length - 1); shift >= 0; shift -= 8) {
            bytes.write((int) (marked >> shift));
        }
        return this;
    }

    EbmlBuffer uint(int id, long value) {
        int length = 1;
        while (length < 8 && (value >>> (8 * length)) != 0) {
            length++;
        }
        id(id).size(length);
        for (int shift = 8 * (length - 1); shift >= 0; shift -= 8) {
            bytes.write((int) (value >> shift));
        }
        return this;
    }

    EbmlBuffer signedDate(int id, long value) {
        id(id).size(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            bytes.write((int) (value >> shift));
        }
        return this;
    }

    EbmlBuffer floatValue(int id, double value) {
        return signedDate(id, Double.doubleToLongBits(value));
    }

    EbmlBuffer string(int id, String value) {
        return binary(id, value.getBytes(StandardCharsets.UTF_8));
    }

    EbmlBuffer binary(int id, byte[] data) {
        id(id).size(data.length);
        bytes.writeBytes(data);
        return this;
    }

    EbmlBuffer raw(byte[] data) {
        bytes.writeBytes(data);
        return this;
    }

    /** A master element with the children {@code children} writes. */
    EbmlBuffer master(int id, Consumer<EbmlBuffer> children) {
        EbmlBuffer content = new EbmlBuffer();
        children.accept(content);
        id(id).size(content.length());
        bytes.writeBytes(content.bytes.toByteArray());
        return this;
    }

    /** A Void element of exactly {@code totalLength} bytes (at least 2), ID and size included. */
    EbmlBuffer voidElement(int totalLength) {
        if (totalLength < 2) {
            throw new IllegalArgumentException("a Void element takes at least 2 bytes, not " + totalLength);
        }
        id(VOID);
        if (totalLength - 2 <= 126) {
            size(totalLength - 2, 1);
            bytes.writeBytes(new byte[totalLength - 2]);
        } else {
            size(totalLength - 9, 8);
            bytes.writeBytes(new byte[totalLength - 9]);
        }
        return this;
    }
}
