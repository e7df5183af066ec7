package org.telehealth.media.rtp;

import org.telehealth.media.wire.NetworkByteOrder;

/**
 * An RTP packet (RFC 3550 §5.1) read in place from the buffer it arrived in. The SFU forwards
 * media by rewriting a few header fields of this very buffer: {@link #parse} checks the structure
 * once, after which every getter and setter is a few array reads or writes that allocate nothing.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |V=2|P|X|  CC   |M|     PT      |        sequence number        |  0
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                           timestamp                           |  4
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                             SSRC                              |  8
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                 CSRC list: CC x 32 bits                       |  12
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |        profile (if X)         |  extension length in words    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |              extension data: length x 32 bits                 |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                          payload ...                          |
 * |                               +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                               | padding (if P) |  pad count   |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>The pad count includes itself, so it is at least 1. Header extensions in the RFC 8285 forms
 * are found by id with {@link #findHeaderExtension}.
 */
public final class RtpPacket {

    /** What {@link #findHeaderExtension} returns for an element the packet does not carry. */
    public static final int NOT_FOUND = HeaderExtensionBlock.NOT_FOUND;
    /** What {@link #headerExtensionProfile} returns when the X bit is clear. */
    public static final int NO_HEADER_EXTENSION = -1;
    public static final int FIXED_HEADER_LENGTH = 12;
    public static final int VERSION = 2;

    private static final int CSRC_LENGTH = 4;
    private static final int EXTENSION_HEADER_LENGTH = 4;

    private final byte[] buffer;
    private final int offset;
    private final int length;
    private final int headerLength;
    private final int paddingLength;
    private final int extensionProfile;
    private final int extensionDataIndex;
    private final int extensionDataLength;

    private RtpPacket(byte[] buffer, int offset, int length, int headerLength, int paddingLength,
            int extensionProfile, int extensionDataIndex, int extensionDataLength) {
        this.buffer = buffer;
        this.offset = offset;
        this.length = length;
        this.headerLength = headerLength;
        this.paddingLength = paddingLength;
        this.extensionProfile = extensionProfile;
        this.extensionDataIndex = extensionDataIndex;
        this.extensionDataLength = extensionDataLength;
    }

    /**
     * Checks that {@code length} bytes of {@code buffer} from {@code offset} hold an RTP packet and
     * returns a view of them. The view shares the buffer: setters write into it.
     *
     * @throws MalformedRtpException if the version is not 2 or the CSRC list, header extension or
     *         padding do not fit in the packet
     */
    public static RtpPacket parse(byte[] buffer, int offset, int length) throws MalformedRtpException {
        requireRange(buffer, offset, length);
        if (length < FIXED_HEADER_LENGTH) {
            throw new MalformedRtpException("RTP packet of " + length + " bytes is shorter than the "
                    + FIXED_HEADER_LENGTH + "-byte fixed header");
        }
        int first = buffer[offset] & 0xFF;
        int version = first >>> 6;
        if (version != VERSION) {
            throw new MalformedRtpException("RTP version is " + version + ", expected " + VERSION);
        }
        int csrcCount = first & 0x0F;
        int headerLength = FIXED_HEADER_LENGTH + csrcCount * CSRC_LENGTH;
        if (headerLength > length) {
            throw new MalformedRtpException("RTP header lists " + csrcCount + " CSRCs, which need " + headerLength
                    + " bytes, but the packet has " + length);
        }
        int extensionProfile = NO_HEADER_EXTENSION;
        int extensionDataIndex = offset + headerLength;
        int extensionDataLength = 0;
        if ((first & 0x10) != 0) {
            if (headerLength + EXTENSION_HEADER_LENGTH > length) {
                throw new MalformedRtpException("RTP extension bit is set but the " + length
                        + "-byte packet ends before the extension header at byte " + headerLength);
            }
            extensionProfile = NetworkByteOrder.uint16(buffer, offset + headerLength);
            extensionDataLength = 4 * NetworkByteOrder.uint16(buffer, offset + headerLength + 2);
            extensionDataIndex = offset + headerLength + EXTENSION_HEADER_LENGTH;
            headerLength += EXTENSION_HEADER_LENGTH + extensionDataLength;
            if (headerLength > length) {
                throw new MalformedRtpException("RTP header extension of " + extensionDataLength
                        + " bytes ends at byte " + headerLength + ", past the end of the " + length + "-byte packet");
            }
            HeaderExtensionBlock.validate(buffer, extensionDataIndex, extensionDataLength, extensionProfile);
        }
        int paddingLength = 0;
        if ((first & 0x20) != 0) {
            paddingLength = buffer[offset + length - 1] & 0xFF;
            if (paddingLength == 0) {
                throw new MalformedRtpException("RTP padding bit is set but the pad count is 0");
            }
            if (headerLength + paddingLength > length) {
                throw new MalformedRtpException("RTP padding of " + paddingLength + " bytes overlaps the "
                        + headerLength + "-byte header of the " + length + "-byte packet");
            }
        }
        return new RtpPacket(buffer, offset, length, headerLength, paddingLength, extensionProfile,
                extensionDataIndex, extensionDataLength);
    }

    public byte[] buffer() {
        return buffer;
    }

    public int offset() {
        return offset;
    }

    public int length() {
        return length;
    }

    public int version() {
        return (buffer[offset] & 0xFF) >>> 6;
    }

    public boolean hasPadding() {
        return (buffer[offset] & 0x20) != 0;
    }

    public boolean hasHeaderExtension() {
        return (buffer[offset] & 0x10) != 0;
    }

    public int csrcCount() {
        return buffer[offset] & 0x0F;
    }

    public boolean marker() {
        return (buffer[offset + 1] & 0x80) != 0;
    }

    public int payloadType() {
        return buffer[offset + 1] & 0x7F;
    }

    public int sequenceNumber() {
        return NetworkByteOrder.uint16(buffer, offset + 2);
    }

    public long timestamp() {
        return NetworkByteOrder.uint32(buffer, offset + 4);
    }

    public long ssrc() {
        return NetworkByteOrder.uint32(buffer, offset + 8);
    }

    /** The {@code index}-th contributing source, from 0 to {@link #csrcCount()} - 1. */
    public long csrc(int index) {
        if (index < 0 || index >= csrcCount()) {
            throw new IllegalArgumentException("CSRC index " + index + " outside 0.." + (csrcCount() - 1));
        }
        return NetworkByteOrder.uint32(buffer, offset + FIXED_HEADER_LENGTH + index * CSRC_LENGTH);
    }

    /** The 16 "defined by profile" bits of the extension header, or {@link #NO_HEADER_EXTENSION}. */
    public int headerExtensionProfile() {
        return extensionProfile;
    }

    /** Buffer index of the extension data, after the 4-byte extension header. */
    public int headerExtensionOffset() {
        return extensionDataIndex;
    }

    /** Bytes of extension data, without the 4-byte extension header; 0 when there is none. */
    public int headerExtensionLength() {
        return extensionDataLength;
    }

    /**
     * The buffer index of the data of the RFC 8285 extension element {@code id}, or
     * {@link #NOT_FOUND} if the packet has no such element (or no RFC 8285 extension block). Its
     * length is {@link #headerExtensionLengthAt}. Ids are negotiated in SDP ({@code a=extmap}).
     */
    public int findHeaderExtension(int id) {
        if (extensionProfile == NO_HEADER_EXTENSION) {
            return NOT_FOUND;
        }
        return HeaderExtensionBlock.find(buffer, extensionDataIndex, extensionDataLength, extensionProfile, id);
    }

    /**
     * Like {@link #findHeaderExtension(int)}, but only an element of exactly {@code dataLength}
     * bytes counts: the fixed-size extensions (abs-send-time, transport-cc, audio level) ignore
     * elements of any other length rather than misread them.
     */
    public int findHeaderExtension(int id, int dataLength) {
        int index = findHeaderExtension(id);
        return index != NOT_FOUND && headerExtensionLengthAt(index) == dataLength ? index : NOT_FOUND;
    }

    /** The data length of the extension element found at {@code dataIndex} by {@link #findHeaderExtension}. */
    public int headerExtensionLengthAt(int dataIndex) {
        if (dataIndex <= extensionDataIndex || dataIndex > extensionDataIndex + extensionDataLength) {
            throw new IllegalArgumentException("index " + dataIndex + " is not the data of an extension element");
        }
        return HeaderExtensionBlock.dataLengthAt(buffer, dataIndex, extensionProfile);
    }

    /** Whether the extension block uses the RFC 8285 one-byte form (profile 0xBEDE). */
    public boolean hasOneByteHeaderExtensions() {
        return HeaderExtensionBlock.isOneByte(extensionProfile);
    }

    /** Whether the extension block uses the RFC 8285 two-byte form (profile 0x100X). */
    public boolean hasTwoByteHeaderExtensions() {
        return HeaderExtensionBlock.isTwoByte(extensionProfile);
    }

    /** Bytes from the start of the packet to the payload: fixed header, CSRCs and extension. */
    public int headerLength() {
        return headerLength;
    }

    public int payloadOffset() {
        return offset + headerLength;
    }

    /** Payload bytes, padding excluded; 0 for a padding-only packet such as a bandwidth probe. */
    public int payloadLength() {
        return length - headerLength - paddingLength;
    }

    /** Padding bytes at the end of the packet, pad count included; 0 when the P bit is clear. */
    public int paddingLength() {
        return paddingLength;
    }

    public void setMarker(boolean marker) {
        buffer[offset + 1] = (byte) (marker ? buffer[offset + 1] | 0x80 : buffer[offset + 1] & 0x7F);
    }

    /** Rewrites the payload type, keeping the marker bit. */
    public void setPayloadType(int payloadType) {
        requireUnsigned(payloadType, 0x7F, "payload type");
        buffer[offset + 1] = (byte) (buffer[offset + 1] & 0x80 | payloadType);
    }

    public void setSequenceNumber(int sequenceNumber) {
        requireUnsigned(sequenceNumber, 0xFFFF, "sequence number");
        NetworkByteOrder.writeUint16(buffer, offset + 2, sequenceNumber);
    }

    public void setTimestamp(long timestamp) {
        requireUnsigned(timestamp, 0xFFFF_FFFFL, "timestamp");
        NetworkByteOrder.writeUint32(buffer, offset + 4, timestamp);
    }

    public void setSsrc(long ssrc) {
        requireUnsigned(ssrc, 0xFFFF_FFFFL, "SSRC");
        NetworkByteOrder.writeUint32(buffer, offset + 8, ssrc);
    }

    @Override
    public String toString() {
        return "RtpPacket[ssrc=" + ssrc() + ", pt=" + payloadType() + ", seq=" + sequenceNumber() + ", ts="
                + timestamp() + ", marker=" + marker() + ", header=" + headerLength + ", payload="
                + payloadLength() + ", padding=" + paddingLength + "]";
    }

    private static void requireRange(byte[] buffer, int offset, int length) {
        if (buffer == null) {
            throw new IllegalArgumentException("buffer is null");
        }
        if (offset < 0 || length < 0 || offset > buffer.length - length) {
            throw new IllegalArgumentException("offset " + offset + " and length " + length
                    + " do not fit in a buffer of " + buffer.length + " bytes");
        }
    }

    private static void requireUnsigned(long value, long max, String field) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(field + " " + value + " outside 0.." + max);
        }
    }
}
