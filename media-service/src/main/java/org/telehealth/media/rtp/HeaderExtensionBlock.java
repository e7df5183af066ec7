package org.telehealth.media.rtp;

/**
 * Walks the elements of an RTP header-extension block in the two layouts of RFC 8285, to find one
 * element by its negotiated id without allocating. {@link RtpPacket} owns the block's bounds; this
 * class owns its inner layout.
 *
 * <p>One-byte form, profile {@code 0xBEDE}: each element is a byte holding the id (1-14) and the
 * data length minus one (0-15 for 1-16 bytes), then the data. A zero byte is padding; id 15 ends
 * the block and what follows it is ignored.
 *
 * <pre>
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |       0xBE    |    0xDE       |     length in 32-bit words    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  ID   | len-1 |    data ...   |  0 (padding)  |  ID   | len-1 |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>Two-byte form, profile {@code 0x1000}-{@code 0x100F} (low four bits are application bits):
 * each element is an id byte (1-255), a length byte (0-255), then the data. A zero byte is padding.
 *
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |       0x10    |  0x0 | appbits|     length in 32-bit words    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |      ID       |    length     |    data ...                   |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
final class HeaderExtensionBlock {

    static final int ONE_BYTE_PROFILE = 0xBEDE;
    static final int NOT_FOUND = -1;

    private static final int TWO_BYTE_PROFILE = 0x1000;
    private static final int TWO_BYTE_PROFILE_MASK = 0xFFF0;
    private static final int ONE_BYTE_TERMINATOR_ID = 15;
    private static final int PADDING = 0;
    private static final int NO_ID = 0;
    private static final int MALFORMED = -2;

    private HeaderExtensionBlock() {
    }

    /** Checks an extension id as negotiated in SDP: 1-14 fit both forms, 15-255 only the two-byte form. */
    static int requireId(int id) {
        if (id < 1 || id > 255) {
            throw new IllegalArgumentException("header extension id " + id + " outside 1..255");
        }
        return id;
    }

    static boolean isOneByte(int profile) {
        return profile == ONE_BYTE_PROFILE;
    }

    static boolean isTwoByte(int profile) {
        return (profile & TWO_BYTE_PROFILE_MASK) == TWO_BYTE_PROFILE;
    }

    /** Checks that no element of an RFC 8285 block runs past the block's end; other profiles are opaque. */
    static void validate(byte[] buffer, int start, int length, int profile) throws MalformedRtpException {
        if (scan(buffer, start, length, profile, NO_ID) == MALFORMED) {
            throw new MalformedRtpException((isOneByte(profile) ? "one-byte" : "two-byte")
                    + " header extension element runs past the end of the " + length + "-byte extension block");
        }
    }

    /** The buffer index of the data of element {@code id}, or {@link #NOT_FOUND}. */
    static int find(byte[] buffer, int start, int length, int profile, int id) {
        if (id == NO_ID) {
            return NOT_FOUND;
        }
        int found = scan(buffer, start, length, profile, id);
        return found == MALFORMED ? NOT_FOUND : found;
    }

    /** The data length of the element whose data starts at {@code dataIndex}, read from the byte before it. */
    static int dataLengthAt(byte[] buffer, int dataIndex, int profile) {
        int lengthByte = buffer[dataIndex - 1] & 0xFF;
        return isOneByte(profile) ? (lengthByte & 0x0F) + 1 : lengthByte;
    }

    private static int scan(byte[] buffer, int start, int length, int profile, int id) {
        if (isOneByte(profile)) {
            return scanOneByte(buffer, start, start + length, id);
        }
        if (isTwoByte(profile)) {
            return scanTwoByte(buffer, start, start + length, id);
        }
        return NOT_FOUND;
    }

    private static int scanOneByte(byte[] buffer, int index, int end, int id) {
        while (index < end) {
            int header = buffer[index] & 0xFF;
            int elementId = header >>> 4;
            if (elementId == PADDING) {
                index++;
                continue;
            }
            if (elementId == ONE_BYTE_TERMINATOR_ID) {
                return NOT_FOUND;
            }
            int dataIndex = index + 1;
            int dataLength = (header & 0x0F) + 1;
            if (dataIndex + dataLength > end) {
                return MALFORMED;
            }
            if (elementId == id) {
                return dataIndex;
            }
            index = dataIndex + dataLength;
        }
        return NOT_FOUND;
    }

    private static int scanTwoByte(byte[] buffer, int index, int end, int id) {
        while (index < end) {
            int elementId = buffer[index] & 0xFF;
            if (elementId == PADDING) {
                index++;
                continue;
            }
            int dataIndex = index + 2;
            if (dataIndex > end) {
                return MALFORMED;
            }
            int dataLength = buffer[index + 1] & 0xFF;
            if (dataIndex + dataLength > end) {
                return MALFORMED;
            }
            if (elementId == id) {
                return dataIndex;
            }
            index = dataIndex + dataLength;
        }
        return NOT_FOUND;
    }
}
