package org.telehealth.recording.encryption;

import static org.telehealth.recording.encryption.RecordingFileFormat.TAG_BYTES;

import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Seals and opens the chunks and heads of one recording: AES-256-GCM under its data key, with the
 * nonces and AADs of {@link RecordingFileFormat} (header digest, chunk index and final flag, or head
 * generation). One instance per writer or reader; not thread-safe.
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

    /**
     * The sealed form (ciphertext and tag) of chunk {@code index}'s plaintext.
     *
     * @param headGeneration the generation of the head in use, bound into the final chunk
     */
    byte[] seal(long index, boolean last, long headGeneration, byte[] plaintext, int length) {
        try {
            init(Cipher.ENCRYPT_MODE, index, RecordingFileFormat.chunkAad(headerDigest, index, last, headGeneration));
            return cipher.doFinal(plaintext, 0, length);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM failed to seal chunk " + index, e);
        }
    }

    /** The plaintext of chunk {@code index}, only if its tag proves it is that chunk of this file. */
    byte[] open(long index, boolean last, long headGeneration, byte[] sealed) throws RecordingIntegrityException {
        try {
            init(Cipher.DECRYPT_MODE, index, RecordingFileFormat.chunkAad(headerDigest, index, last, headGeneration));
            return cipher.doFinal(sealed);
        } catch (AEADBadTagException e) {
            throw new RecordingIntegrityException(last ? "the final chunk " + index + " does not authenticate (altered, or closed"
                    + " with another head)" : "chunk " + index + " does not authenticate");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM failed to open chunk " + index, e);
        }
    }

    /** The sealed form of head generation {@code generation}. */
    byte[] sealHead(long generation, byte[] head) {
        try {
            long counter = RecordingFileFormat.headCounter(generation);
            init(Cipher.ENCRYPT_MODE, counter, RecordingFileFormat.headAad(headerDigest, generation));
            return cipher.doFinal(head);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM failed to seal head " + generation, e);
        }
    }

    /** The head of generation {@code generation}, only if its tag proves it is that head of this file. */
    byte[] openHead(long generation, byte[] sealed) throws RecordingIntegrityException {
        try {
            long counter = RecordingFileFormat.headCounter(generation);
            init(Cipher.DECRYPT_MODE, counter, RecordingFileFormat.headAad(headerDigest, generation));
            return cipher.doFinal(sealed);
        } catch (AEADBadTagException e) {
            throw new RecordingIntegrityException("head " + generation + " does not authenticate");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM failed to open head " + generation, e);
        }
    }

    private void init(int mode, long counter, byte[] aad) throws GeneralSecurityException {
        cipher.init(mode, dataKey, new GCMParameterSpec(TAG_BYTES * 8, RecordingFileFormat.chunkNonce(noncePrefix, counter)));
        cipher.updateAAD(aad);
    }
}
