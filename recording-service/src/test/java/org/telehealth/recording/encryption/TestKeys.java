package org.telehealth.recording.encryption;

import java.security.SecureRandom;
import java.util.List;

/** Random master keys for tests. */
final class TestKeys {

    static final SecureRandom RANDOM = new SecureRandom();

    private TestKeys() {
    }

    static MasterKey newMasterKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return MasterKey.of(key);
    }

    static MasterKeyRing ringOf(MasterKey current, MasterKey... retired) {
        return new MasterKeyRing(current, List.of(retired));
    }

    static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
