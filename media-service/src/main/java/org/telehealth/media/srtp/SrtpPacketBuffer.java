package org.telehealth.media.srtp;

import org.jitsi.utils.ByteArrayBuffer;

/**
 * A packet in a byte array with room to grow, the form jitsi-srtp encrypts and decrypts in place:
 * encryption appends an authentication tag (and, for SRTCP, an index), decryption removes them.
 * One buffer can carry packet after packet ({@link #reset}): the media path takes its outgoing
 * buffers from a {@link SrtpPacketBufferPool} instead of allocating one per packet.
 */
public final class SrtpPacketBuffer implements ByteArrayBuffer {

    /** Room left after a packet for what SRTP appends: a 16-byte tag plus a 4-byte SRTCP index. */
    public static final int TRAILER_ROOM = 32;

    private byte[] buffer;
    private int offset;
    private int length;

    public SrtpPacketBuffer(byte[] buffer, int offset, int length) {
        if (offset < 0 || length < 0 || offset + length > buffer.length) {
            throw new IllegalArgumentException("region " + offset + "+" + length + " outside a buffer of " + buffer.length);
        }
        this.buffer = buffer;
        this.offset = offset;
        this.length = length;
    }

    /** A copy of {@code packet} with {@link #TRAILER_ROOM} bytes to spare. */
    public static SrtpPacketBuffer copyOf(byte[] packet, int offset, int length) {
        byte[] copy = new byte[length + TRAILER_ROOM];
        System.arraycopy(packet, offset, copy, 0, length);
        return new SrtpPacketBuffer(copy, 0, length);
    }

    /**
     * Makes this buffer hold a packet of {@code length} bytes from offset 0, with
     * {@link #TRAILER_ROOM} bytes to spare after it, for the caller to write: in the same array if
     * it is large enough, else in a larger one. What the buffer held before is gone.
     *
     * @return the array to write the packet into, from index 0
     */
    public byte[] reset(int length) {
        if (length < 0) {
            throw new IllegalArgumentException("length " + length + " is negative");
        }
        if (length + TRAILER_ROOM > buffer.length) {
            buffer = new byte[length + TRAILER_ROOM];
        }
        offset = 0;
        this.length = length;
        return buffer;
    }

    /** Bytes the array holds from offset 0: the longest packet, trailer included, that fits without growing. */
    public int capacity() {
        return buffer.length;
    }

    /** The packet's bytes, exactly. */
    public byte[] toByteArray() {
        byte[] bytes = new byte[length];
        System.arraycopy(buffer, offset, bytes, 0, length);
        return bytes;
    }

    @Override
    public byte[] getBuffer() {
        return buffer;
    }

    @Override
    public int getOffset() {
        return offset;
    }

    @Override
    public int getLength() {
        return length;
    }

    @Override
    public void setLength(int length) {
        if (length < 0 || offset + length > buffer.length) {
            throw new IllegalArgumentException("length " + length + " does not fit");
        }
        this.length = length;
    }

    @Override
    public void setOffset(int offset) {
        if (offset < 0 || offset + length > buffer.length) {
            throw new IllegalArgumentException("offset " + offset + " does not fit");
        }
        this.offset = offset;
    }

    @Override
    public boolean isInvalid() {
        return false;
    }

    @Override
    public void readRegionToBuff(int regionOffset, int regionLength, byte[] destination) {
        System.arraycopy(buffer, offset + regionOffset, destination, 0, regionLength);
    }

    @Override
    public void grow(int howMuch) {
        if (offset + length + howMuch > buffer.length) {
            byte[] larger = new byte[length + howMuch + TRAILER_ROOM];
            System.arraycopy(buffer, offset, larger, 0, length);
            buffer = larger;
            offset = 0;
        }
    }

    @Override
    public void append(byte[] data, int dataLength) {
        grow(dataLength);
        System.arraycopy(data, 0, buffer, offset + length, dataLength);
        length += dataLength;
    }

    @Override
    public void shrink(int howMuch) {
        length = Math.max(0, length - howMuch);
    }
}
