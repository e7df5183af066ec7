package org.telehealth.recording.encryption;

import static org.telehealth.recording.encryption.RecordingFileFormat.TAG_BYTES;

import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Seals and opens the chunks of one recording: AES-256-GCM under its data key, with the nonce and
 * AAD of {@link RecordingFileFormat} (header digest, chunk index, final flag). One instance per
 * writer or reader; not thread-safe.
 */
final class ChunkCipher {

    private final SecretKey dataKey;
    private final byte[] noncePrefix;
    private final byte[] headerDigest;
    private final Cipher cipher;

    ChunkCipher(RecordingHeader header, SecretKey dataKey) {
        this.dataKey = dataKey;
        this.noncePrefix = header.noncePrefix();
        this.headerDigest = header.digest();
        try {
            this.cipher = Cipher.getInstance(RecordingFileFormat.CIPHER);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is not available", e);
        }
    }

    /** The sealed form (ciphertext and tag) of chunk {@code index}'s plaintext. */
    byte[] seal(long index, boolean last, byte[] plaintext, int length) {
        try {
            init(Cipher.ENCRYPT_MODE, index, last);
            return cipher.doFinal(plaintext, 0, length);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM failed to seal chunk " + index, e);
        }
    }

    /** The plaintext of chunk {@code index}, only if its tag proves it is that chunk of this file. */
    byte[] open(long index, boolean last, byte[] sealed) throws RecordingIntegrityException {
        try {
            init(Cipher.DECRYPT_MODE, index, last);
            return cipher.doFinal(sealed);
        } catch (AEADBadTagException e) {
            throw new RecordingIntegrityException("chunk " + index + " does not authenticate");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM failed to open chunk " + index, e);
        }
    }

    private void init(int mode, long index, boolean last) throws GeneralSecurityException {
        cipher.init(mode, dataKey, new GCMParameterSpec(TAG_BYTES * 8, RecordingFileFormat.chunkNonce(noncePrefix, index)));
        cipher.updateAAD(RecordingFileFormat.chunkAad(headerDigest, index, last));
    }
}
