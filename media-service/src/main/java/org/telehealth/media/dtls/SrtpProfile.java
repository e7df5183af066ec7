package org.telehealth.media.dtls;

import java.util.Optional;
import org.bouncycastle.tls.SRTPProtectionProfile;

/**
 * The SRTP protection profiles the SFU negotiates in DTLS's use_srtp extension (RFC 5764, RFC 7714),
 * in order of preference: AES-GCM (authenticated encryption, cheaper per packet) first, then the
 * AES-CM + HMAC-SHA1-80 profile every browser supports.
 */
public enum SrtpProfile {

    AEAD_AES_128_GCM(SRTPProtectionProfile.SRTP_AEAD_AES_128_GCM, 16, 12),
    AES128_CM_HMAC_SHA1_80(SRTPProtectionProfile.SRTP_AES128_CM_HMAC_SHA1_80, 16, 14);

    private final int id;
    private final int keyLength;
    private final int saltLength;

    SrtpProfile(int id, int keyLength, int saltLength) {
        this.id = id;
        this.keyLength = keyLength;
        this.saltLength = saltLength;
    }

    /** The IANA DTLS-SRTP protection profile number. */
    public int id() {
        return id;
    }

    public int keyLength() {
        return keyLength;
    }

    public int saltLength() {
        return saltLength;
    }

    /** Bytes of keying material DTLS must export: a key and a salt for each direction. */
    int keyingMaterialLength() {
        return 2 * (keyLength + saltLength);
    }

    /** Our most preferred profile that the client also offers. */
    static Optional<SrtpProfile> choose(int[] offeredByClient) {
        for (SrtpProfile profile : values()) {
            for (int offered : offeredByClient) {
                if (offered == profile.id) {
                    return Optional.of(profile);
                }
            }
        }
        return Optional.empty();
    }

    static int[] ids() {
        int[] ids = new int[values().length];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = values()[i].id;
        }
        return ids;
    }
}
