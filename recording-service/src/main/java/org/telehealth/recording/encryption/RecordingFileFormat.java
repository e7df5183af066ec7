package org.telehealth.recording.encryption;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The layout of an encrypted recording file (version 1): a header, then sealed chunks, each
 * AES-256-GCM under the recording's own data key. Numbers are big-endian.
 *
 * <pre>
 * header
 *   +--------+---------+--------------+-----+---------------+------------+------------------+--------------+
 *   | magic  | version | recording id | k   | master key id | wrap nonce | wrapped data key | nonce prefix |
 *   | 8      | 1       | 16           | 1   | k (1..64)     | 12         | 32 + 16 tag      | 4            |
 *   +--------+---------+--------------+-----+---------------+------------+------------------+--------------+
 *   magic = 89 'T' 'H' 'R' 'E' 'C' 0D 0A
 *   wrapped data key = AES-256-GCM(master key, wrap nonce, data key,
 *                                  AAD = every header byte before the wrap nonce)
 *   header digest    = SHA-256(all header bytes)
 *
 * chunk i (i = 0, 1, ...)
 *   +---+------------------------+----------------------------------------+
 *   | F | sealed length L        | AES-256-GCM(data key, nonce, plaintext) |
 *   | 1 bit | 31 bits            | L bytes: ciphertext + 16-byte tag       |
 *   +---+------------------------+----------------------------------------+
 *   F = 1 on the last chunk of a closed file (and only there)
 *   nonce = nonce prefix (4) || i (8)
 *   AAD   = header digest (32) || i (8) || F (1)
 *   plaintext: 1..65536 bytes (the final chunk may be empty)
 * </pre>
 *
 * The AAD makes every chunk prove where it belongs: a chunk moved, dropped, taken from another
 * file, re-flagged as final or combined with another header fails its tag. A file whose last chunk
 * is not flagged final was not closed (its writer crashed): it is readable up to that chunk and is
 * reported as partial, never as complete.
 */
public final class RecordingFileFormat {

    public static final byte[] MAGIC = {(byte) 0x89, 'T', 'H', 'R', 'E', 'C', '\r', '\n'};
    public static final int VERSION = 1;
    /** Most plaintext bytes in one chunk; the writer seals a chunk when it is full or flushed. */
    public static final int MAX_CHUNK_PLAINTEXT = 64 * 1024;
    public static final int TAG_BYTES = 16;
    public static final int DATA_KEY_BYTES = 32;
    public static final int WRAP_NONCE_BYTES = 12;
    public static final int NONCE_PREFIX_BYTES = 4;
    public static final int MAX_KEY_ID_BYTES = 64;
    /** Bytes of a chunk's length prefix. */
    public static final int CHUNK_PREFIX_BYTES = 4;
    static final int FINAL_FLAG = 0x8000_0000;
    static final int LENGTH_MASK = 0x7fff_ffff;
    static final String CIPHER = "AES/GCM/NoPadding";

    private RecordingFileFormat() {
    }

    /** The 4-byte prefix of a chunk whose sealed part is {@code sealedLength} bytes. */
    static int prefix(int sealedLength, boolean last) {
        return last ? sealedLength | FINAL_FLAG : sealedLength;
    }

    static byte[] chunkNonce(byte[] noncePrefix, long index) {
        return ByteBuffer.allocate(NONCE_PREFIX_BYTES + Long.BYTES).put(noncePrefix).putLong(index).array();
    }

    static byte[] chunkAad(byte[] headerDigest, long index, boolean last) {
        return ByteBuffer.allocate(headerDigest.length + Long.BYTES + 1).put(headerDigest).putLong(index)
                .put((byte) (last ? 1 : 0)).array();
    }

    /** True when {@code sealedLength} can be a chunk's: a tag plus at most a full chunk of plaintext. */
    static boolean plausibleSealedLength(int sealedLength, boolean last) {
        int minimum = last ? TAG_BYTES : TAG_BYTES + 1;
        return sealedLength >= minimum && sealedLength <= MAX_CHUNK_PLAINTEXT + TAG_BYTES;
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
