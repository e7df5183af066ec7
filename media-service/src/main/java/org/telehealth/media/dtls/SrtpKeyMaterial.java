package org.telehealth.media.dtls;

import java.util.Arrays;

/**
 * The SRTP master keys and salts a DTLS handshake produced, split by direction (RFC 5764 §4.2): what
 * the DTLS client (the browser) encrypts with, and what the server (the SFU) encrypts with.
 */
public record SrtpKeyMaterial(SrtpProfile profile, byte[] clientKey, byte[] clientSalt, byte[] serverKey, byte[] serverSalt) {

    /**
     * Splits exported keying material laid out as client key | server key | client salt | server salt.
     */
    static SrtpKeyMaterial split(SrtpProfile profile, byte[] material) {
        int k = profile.keyLength();
        int s = profile.saltLength();
        if (material.length != profile.keyingMaterialLength()) {
            throw new IllegalArgumentException("expected " + profile.keyingMaterialLength() + " bytes of keying material");
        }
        return new SrtpKeyMaterial(profile,
                Arrays.copyOfRange(material, 0, k),
                Arrays.copyOfRange(material, 2 * k, 2 * k + s),
                Arrays.copyOfRange(material, k, 2 * k),
                Arrays.copyOfRange(material, 2 * k + s, 2 * k + 2 * s));
    }

    @Override
    public String toString() {
        return "SrtpKeyMaterial[" + profile + ", keys hidden]";
    }
}
