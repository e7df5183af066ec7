package org.telehealth.media.rtcp;

/**
 * One item of a source description (RFC 3550 §6.5): a type byte, a length byte and up to 255 bytes
 * of UTF-8 text. The CNAME is the one that matters to the SFU: it names the endpoint that owns an
 * SSRC and stays the same across its SSRCs, which is how audio and video of one person are tied
 * together for lip sync.
 *
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     type      |    length     |  text (length bytes) ...      |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public record SdesItem(int type, String text) {

    public static final int CNAME = 1;
    public static final int NAME = 2;
    public static final int EMAIL = 3;
    public static final int PHONE = 4;
    public static final int LOCATION = 5;
    public static final int TOOL = 6;
    public static final int NOTE = 7;
    public static final int PRIVATE = 8;

    /** Type and length bytes. */
    static final int HEADER_LENGTH = 2;

    public SdesItem {
        if (type < 1 || type > 0xFF) {
            throw new IllegalArgumentException("SDES item type " + type + " outside 1..255 (0 ends a chunk)");
        }
        RtcpText.requireFits(text, "SDES item text");
    }

    public static SdesItem cname(String cname) {
        return new SdesItem(CNAME, cname);
    }

    int length() {
        return HEADER_LENGTH + RtcpText.encode(text).length;
    }

    int writeTo(byte[] buffer, int index) {
        byte[] bytes = RtcpText.encode(text);
        buffer[index] = (byte) type;
        buffer[index + 1] = (byte) bytes.length;
        System.arraycopy(bytes, 0, buffer, index + HEADER_LENGTH, bytes.length);
        return HEADER_LENGTH + bytes.length;
    }
}
