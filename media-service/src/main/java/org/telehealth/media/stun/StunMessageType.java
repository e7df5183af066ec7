package org.telehealth.media.stun;

/**
 * The 14-bit message type of a STUN header: a 12-bit method with the two class bits woven into
 * it (RFC 8489 §5).
 *
 * <pre>
 *  0                 1
 *  2  3  4 5 6 7 8 9 0 1 2 3 4 5
 * +--+--+-+-+-+-+-+-+-+-+-+-+-+-+
 * |M |M |M|M|M|C|M|M|M|C|M|M|M|M|
 * |11|10|9|8|7|1|6|5|4|0|3|2|1|0|
 * +--+--+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param method the STUN method, 0 to 0xFFF; ICE only uses {@link #BINDING_METHOD}
 * @param messageClass request, indication, success or error response
 */
public record StunMessageType(int method, StunMessageClass messageClass) {

    public static final int BINDING_METHOD = 0x001;
    public static final StunMessageType BINDING_REQUEST =
            new StunMessageType(BINDING_METHOD, StunMessageClass.REQUEST);
    public static final StunMessageType BINDING_INDICATION =
            new StunMessageType(BINDING_METHOD, StunMessageClass.INDICATION);
    public static final StunMessageType BINDING_SUCCESS_RESPONSE =
            new StunMessageType(BINDING_METHOD, StunMessageClass.SUCCESS_RESPONSE);
    public static final StunMessageType BINDING_ERROR_RESPONSE =
            new StunMessageType(BINDING_METHOD, StunMessageClass.ERROR_RESPONSE);

    public StunMessageType {
        if (method < 0 || method > 0xFFF) {
            throw new IllegalArgumentException("a STUN method has 12 bits, got 0x" + Integer.toHexString(method));
        }
        if (messageClass == null) {
            throw new IllegalArgumentException("messageClass is required");
        }
    }

    /** The type from the first two bytes of a header, whose two most significant bits are zero. */
    static StunMessageType fromBits(int bits) {
        int method = bits & 0x000F | bits >>> 1 & 0x0070 | bits >>> 2 & 0x0F80;
        int classBits = bits >>> 4 & 0b01 | bits >>> 7 & 0b10;
        return new StunMessageType(method, StunMessageClass.fromBits(classBits));
    }

    int toBits() {
        int classBits = messageClass.bits();
        return method & 0x000F | (method & 0x0070) << 1 | (method & 0x0F80) << 2
                | (classBits & 0b01) << 4 | (classBits & 0b10) << 7;
    }
}
