package org.telehealth.media.stun;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Computes and checks MESSAGE-INTEGRITY (RFC 8489 §14.5) for one short-term password: an
 * HMAC-SHA1 over the message up to, not including, the attribute, with the header's length field
 * set as if the message ended right after MESSAGE-INTEGRITY (so a FINGERPRINT added later does not
 * change the hash).
 *
 * <pre>
 *  hashed: | type | length' | cookie | transaction id | attributes before MESSAGE-INTEGRITY |
 *  length' = (offset of MESSAGE-INTEGRITY - 20) + 4 + 20
 * </pre>
 *
 * The key of a short-term credential is the password after SASLprep; ICE passwords are made of
 * ice-chars (letters, digits, '+', '/') for which SASLprep changes nothing, so the password is used
 * as given. One instance keeps its {@link Mac} and scratch buffers between messages, which makes it
 * cheap and confines it to one thread at a time.
 */
public final class MessageIntegrity {

    public static final int LENGTH = 20;
    private static final String ALGORITHM = "HmacSHA1";

    private final Mac mac;
    private final byte[] expected = new byte[LENGTH];
    private final byte[] received = new byte[LENGTH];

    public MessageIntegrity(String password) {
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("a MESSAGE-INTEGRITY key needs a non-empty password");
        }
        try {
            mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(password.getBytes(StandardCharsets.UTF_8), ALGORITHM));
        } catch (GeneralSecurityException everyJavaRuntimeHasHmacSha1) {
            throw new IllegalStateException(everyJavaRuntimeHasHmacSha1);
        }
    }

    /**
     * Writes the 20-byte HMAC of the message that starts at {@code messageOffset} and whose
     * MESSAGE-INTEGRITY attribute header starts at {@code attributeAt}.
     */
    void write(byte[] message, int messageOffset, int attributeAt, byte[] out, int outAt) {
        int lengthThroughIntegrity = attributeAt - messageOffset - StunMessage.HEADER_LENGTH + 4 + LENGTH;
        mac.update(message, messageOffset, 2);
        mac.update((byte) (lengthThroughIntegrity >>> 8));
        mac.update((byte) lengthThroughIntegrity);
        mac.update(message, messageOffset + 4, attributeAt - messageOffset - 4);
        try {
            mac.doFinal(out, outAt);
        } catch (GeneralSecurityException outIsAlwaysLargeEnough) {
            throw new IllegalStateException(outIsAlwaysLargeEnough);
        }
    }

    /** Whether the value of the MESSAGE-INTEGRITY attribute at {@code attributeAt} is right, in constant time. */
    boolean matches(byte[] message, int messageOffset, int attributeAt) {
        write(message, messageOffset, attributeAt, expected, 0);
        System.arraycopy(message, attributeAt + 4, received, 0, LENGTH);
        return MessageDigest.isEqual(expected, received);
    }
}
