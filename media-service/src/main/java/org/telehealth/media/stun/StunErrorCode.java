package org.telehealth.media.stun;

import java.nio.charset.StandardCharsets;

/**
 * The value of an ERROR-CODE attribute (RFC 8489 §14.8): a code from 300 to 699 and a reason
 * phrase for humans.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |           Reserved, should be 0         |Class|     Number    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |      Reason Phrase (variable, UTF-8, at most 763 bytes)      ..
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * Class is the hundreds digit of the code, Number the code modulo 100.
 */
public record StunErrorCode(int code, String reasonPhrase) {

    public static final int MAX_REASON_PHRASE_BYTES = 763;

    public static final StunErrorCode BAD_REQUEST = new StunErrorCode(400, "Bad Request");
    public static final StunErrorCode UNAUTHORIZED = new StunErrorCode(401, "Unauthorized");
    public static final StunErrorCode UNKNOWN_ATTRIBUTE = new StunErrorCode(420, "Unknown Attribute");

    public StunErrorCode {
        if (code < 300 || code > 699) {
            throw new IllegalArgumentException("a STUN error code lies between 300 and 699, got " + code);
        }
        if (reasonPhrase == null) {
            throw new IllegalArgumentException("reasonPhrase is required (it may be empty)");
        }
        if (reasonPhrase.getBytes(StandardCharsets.UTF_8).length > MAX_REASON_PHRASE_BYTES) {
            throw new IllegalArgumentException("a reason phrase has at most " + MAX_REASON_PHRASE_BYTES + " bytes");
        }
    }

    int errorClass() {
        return code / 100;
    }

    int number() {
        return code % 100;
    }
}
