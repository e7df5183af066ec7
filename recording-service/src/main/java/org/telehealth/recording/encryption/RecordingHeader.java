package org.telehealth.recording.encryption;

import static org.telehealth.recording.encryption.RecordingFileFormat.DATA_KEY_BYTES;
import static org.telehealth.recording.encryption.RecordingFileFormat.MAGIC;
import static org.telehealth.recording.encryption.RecordingFileFormat.MAX_KEY_ID_BYTES;
import static org.telehealth.recording.encryption.RecordingFileFormat.NONCE_PREFIX_BYTES;
import static org.telehealth.recording.encryption.RecordingFileFormat.TAG_BYTES;
import static org.telehealth.recording.encryption.RecordingFileFormat.VERSION;
import static org.telehealth.recording.encryption.RecordingFileFormat.WRAP_NONCE_BYTES;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.UUID;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The header of an encrypted recording (see {@link RecordingFileFormat}): which recording the file
 * is, which master key wraps its data key, the wrapped data key and the chunks' nonce prefix.
 * Making a header makes the recording's data key; reading one back needs the master key it names.
 */
public final class RecordingHeader {

    private static final int WRAPPED_KEY_BYTES = DATA_KEY_BYTES + TAG_BYTES;

    private final UUID recordingId;
    private final String masterKeyId;
    private final byte[] wrapNonce;
    private final byte[] wrappedKey;
    private final byte[] noncePrefix;
    private final byte[] encoded;
    private final byte[] digest;

    private RecordingHeader(UUID recordingId, String masterKeyId, byte[] wrapNonce, byte[] wrappedKey, byte[] noncePrefix) {
        this.recordingId = recordingId;
        this.masterKeyId = masterKeyId;
        this.wrapNonce = wrapNonce;
        this.wrappedKey = wrappedKey;
        this.noncePrefix = noncePrefix;
        this.encoded = ByteBuffer.allocate(lengthFor(masterKeyId)).put(boundPart(recordingId, masterKeyId)).put(wrapNonce)
                .put(wrappedKey).put(noncePrefix).array();
        this.digest = sha256(encoded);
    }

    /** A header for a new recording, with a fresh data key wrapped by {@code master}. */
    public static Sealed create(UUID recordingId, MasterKey master, SecureRandom random) {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(DATA_KEY_BYTES * 8, random);
            SecretKey dataKey = generator.generateKey();
            byte[] wrapNonce = new byte[WRAP_NONCE_BYTES];
            random.nextBytes(wrapNonce);
            byte[] noncePrefix = new byte[NONCE_PREFIX_BYTES];
            random.nextBytes(noncePrefix);
            Cipher wrap = Cipher.getInstance(RecordingFileFormat.CIPHER);
            wrap.init(Cipher.ENCRYPT_MODE, master.key(), new GCMParameterSpec(TAG_BYTES * 8, wrapNonce));
            wrap.updateAAD(boundPart(recordingId, master.id()));
            byte[] wrappedKey = wrap.doFinal(dataKey.getEncoded());
            return new Sealed(new RecordingHeader(recordingId, master.id(), wrapNonce, wrappedKey, noncePrefix), dataKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is not available", e);
        }
    }

    /** Reads a header from the start of a file; anything that is not one is a {@link RecordingIntegrityException}. */
    public static RecordingHeader read(InputStream input) throws IOException {
        DataInputStream in = new DataInputStream(input);
        try {
            byte[] magic = in.readNBytes(MAGIC.length);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new RecordingIntegrityException("not an encrypted recording (bad magic)");
            }
            int version = in.readUnsignedByte();
            if (version != VERSION) {
                throw new RecordingIntegrityException("unsupported recording format version " + version);
            }
            UUID recordingId = new UUID(in.readLong(), in.readLong());
            int keyIdLength = in.readUnsignedByte();
            if (keyIdLength < 1 || keyIdLength > MAX_KEY_ID_BYTES) {
                throw new RecordingIntegrityException("bad master key id length " + keyIdLength);
            }
            String masterKeyId = new String(readExactly(in, keyIdLength), StandardCharsets.US_ASCII);
            byte[] wrapNonce = readExactly(in, WRAP_NONCE_BYTES);
            byte[] wrappedKey = readExactly(in, WRAPPED_KEY_BYTES);
            byte[] noncePrefix = readExactly(in, NONCE_PREFIX_BYTES);
            return new RecordingHeader(recordingId, masterKeyId, wrapNonce, wrappedKey, noncePrefix);
        } catch (EOFException e) {
            throw new RecordingIntegrityException("the header is cut short");
        }
    }

    /** Unwraps the data key with the master key the header names; fails when the ring lacks it or the header was altered. */
    public SecretKey unwrap(MasterKeyRing keys) throws RecordingIntegrityException {
        MasterKey master = keys.find(masterKeyId)
                .orElseThrow(() -> new RecordingIntegrityException("the recording is wrapped by master key " + masterKeyId
                        + ", which this service does not have"));
        try {
            Cipher unwrap = Cipher.getInstance(RecordingFileFormat.CIPHER);
            unwrap.init(Cipher.DECRYPT_MODE, master.key(), new GCMParameterSpec(TAG_BYTES * 8, wrapNonce));
            unwrap.updateAAD(boundPart(recordingId, masterKeyId));
            return new SecretKeySpec(unwrap.doFinal(wrappedKey), "AES");
        } catch (AEADBadTagException e) {
            throw new RecordingIntegrityException("the header does not authenticate (altered, or another key)");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is not available", e);
        }
    }

    public UUID recordingId() {
        return recordingId;
    }

    public String masterKeyId() {
        return masterKeyId;
    }

    byte[] noncePrefix() {
        return noncePrefix.clone();
    }

    /** The header as written at the start of the file. */
    public byte[] encoded() {
        return encoded.clone();
    }

    public int length() {
        return encoded.length;
    }

    /** SHA-256 of the whole header, bound into every chunk's AAD. */
    byte[] digest() {
        return digest.clone();
    }

    /** The header bytes before the wrap nonce: what the wrapped key is bound to. */
    private static byte[] boundPart(UUID recordingId, String masterKeyId) {
        byte[] keyId = RecordingFileFormat.ascii(masterKeyId);
        if (keyId.length < 1 || keyId.length > MAX_KEY_ID_BYTES) {
            throw new IllegalArgumentException("a master key id has 1 to 64 ASCII characters");
        }
        return ByteBuffer.allocate(MAGIC.length + 1 + 16 + 1 + keyId.length).put(MAGIC).put((byte) VERSION)
                .putLong(recordingId.getMostSignificantBits()).putLong(recordingId.getLeastSignificantBits())
                .put((byte) keyId.length).put(keyId).array();
    }

    private static int lengthFor(String masterKeyId) {
        return MAGIC.length + 1 + 16 + 1 + RecordingFileFormat.ascii(masterKeyId).length + WRAP_NONCE_BYTES
                + WRAPPED_KEY_BYTES + NONCE_PREFIX_BYTES;
    }

    private static byte[] readExactly(DataInputStream in, int length) throws IOException {
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return bytes;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** A new header with the data key it wraps, for the writer. */
    public record Sealed(RecordingHeader header, SecretKey dataKey) {
    }
}
