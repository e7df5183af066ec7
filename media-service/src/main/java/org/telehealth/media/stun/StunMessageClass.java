package org.telehealth.media.stun;

/** The class of a STUN message (RFC 8489 §5): the two bits C1 C0 spread over the message type. */
public enum StunMessageClass {
    REQUEST,
    INDICATION,
    SUCCESS_RESPONSE,
    ERROR_RESPONSE;

    /** The value of C1 C0: 0b00 request, 0b01 indication, 0b10 success, 0b11 error. */
    int bits() {
        return ordinal();
    }

    static StunMessageClass fromBits(int c1c0) {
        return values()[c1c0 & 0b11];
    }
}
