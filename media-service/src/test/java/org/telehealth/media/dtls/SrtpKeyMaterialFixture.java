package org.telehealth.media.dtls;

import java.util.Random;

/** Random SRTP keys of the right sizes, for tests that do not need a real handshake. */
public final class SrtpKeyMaterialFixture {

    private SrtpKeyMaterialFixture() {
    }

    public static SrtpKeyMaterial random(SrtpProfile profile, Random random) {
        byte[] material = new byte[profile.keyingMaterialLength()];
        random.nextBytes(material);
        return SrtpKeyMaterial.split(profile, material);
    }
}
