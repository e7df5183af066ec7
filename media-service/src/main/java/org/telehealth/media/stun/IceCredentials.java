package org.telehealth.media.stun;

import java.util.regex.Pattern;

/**
 * The ice-ufrag and ice-pwd one side of an ICE session announced in its SDP (RFC 8839 §5.4):
 * the fragment names the session in every connectivity check's USERNAME, the password keys its
 * MESSAGE-INTEGRITY.
 *
 * @param ufrag 4 to 256 ice-chars
 * @param password 22 to 256 ice-chars
 */
public record IceCredentials(String ufrag, String password) {

    /** ice-char = ALPHA / DIGIT / "+" / "/" (RFC 8839 §5.4). */
    private static final Pattern UFRAG = Pattern.compile("[A-Za-z0-9+/]{4,256}");
    private static final Pattern PASSWORD = Pattern.compile("[A-Za-z0-9+/]{22,256}");

    public IceCredentials {
        if (ufrag == null || !UFRAG.matcher(ufrag).matches()) {
            throw new IllegalArgumentException("an ice-ufrag is 4 to 256 ice-chars (A-Z a-z 0-9 + /)");
        }
        if (password == null || !PASSWORD.matcher(password).matches()) {
            throw new IllegalArgumentException("an ice-pwd is 22 to 256 ice-chars (A-Z a-z 0-9 + /)");
        }
    }

    @Override
    public String toString() {
        return "IceCredentials[ufrag=" + ufrag + ", password=(hidden)]";
    }
}
