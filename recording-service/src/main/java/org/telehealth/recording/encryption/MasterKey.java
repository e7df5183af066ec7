package org.telehealth.recording.encryption;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * A master key: AES-256, used only to wrap and unwrap the data keys of recordings, configured apart
 * from the recordings (never stored beside them). Its id, written into each file's header, is
 * derived from the key itself (a SHA-256 fingerprint), so that files say which key wraps them
 * without anyone having to name keys, and a wrong key file is recognised as such.
 */
public final class MasterKey {

    private static final byte[] ID_LABEL = "telehealth recording master key id".getBytes(StandardCharsets.US_ASCII);

    private final String id;
    private final SecretKey key;

    private MasterKey(String id, SecretKey key) {
        this.id = id;
        this.key = key;
    }

    /** The master key made of these 32 bytes. */
    public static MasterKey of(byte[] keyBytes) {
        Objects.requireNonNull(keyBytes, "keyBytes");
        if (keyBytes.length != RecordingFileFormat.DATA_KEY_BYTES) {
            throw new IllegalArgumentException("a master key has 32 bytes, not " + keyBytes.length);
        }
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(ID_LABEL);
            byte[] fingerprint = sha256.digest(keyBytes);
            String id = "mk-" + HexFormat.of().formatHex(fingerprint, 0, 8);
            return new MasterKey(id, new SecretKeySpec(keyBytes, "AES"));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    public String id() {
        return id;
    }

    SecretKey key() {
        return key;
    }

    @Override
    public String toString() {
        return "MasterKey[" + id + "]";
    }
}
