package org.telehealth.recording.encryption;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The layout of an encrypted recording file (version 2): a header, two slots for the video's head,
 * then sealed chunks, each AES-256-GCM under the recording's own data key. Numbers are big-endian.
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
 * head slot s (s = 0, 1; each exactly HEAD_SLOT_BYTES long)
 *   +----------------+----------------+-----------------------------------------+--------------+
 *   | generation g   | head length n  | AES-256-GCM(data key, nonce, head)      | zeros        |
 *   | 8              | 4 (0..8192)    | n + 16-byte tag                         | up to 8220   |
 *   +----------------+----------------+-----------------------------------------+--------------+
 *   g = 0 and all zeros: never written. The head of generation g is written into slot g mod 2.
 *   nonce = nonce prefix (4) || 2^63 + g (8)     (never a chunk's: chunk indexes stay below 2^63)
 *   AAD   = header digest (32) || 2^63 + g (8)
 *   the head in use: the slot of the highest generation that authenticates
 *
 * chunk i (i = 0, 1, ...)
 *   +---+------------------------+----------------------------------------+
 *   | F | sealed length L        | AES-256-GCM(data key, nonce, plaintext) |
 *   | 1 bit | 31 bits            | L bytes: ciphertext + 16-byte tag       |
 *   +---+------------------------+----------------------------------------+
 *   F = 1 on the last chunk of a closed file (and only there)
 *   nonce = nonce prefix (4) || i (8)
 *   AAD   = header digest (32) || i (8) || F (1), and on the final chunk || g of the head in use (8)
 *   plaintext: 1..65536 bytes (the final chunk may be empty)
 *
 * video = head of the highest authentic generation (n bytes) || plaintext of chunk 0 || chunk 1 ...
 * </pre>
 *
 * The AAD makes every chunk prove where it belongs: a chunk moved, dropped, taken from another
 * file, re-flagged as final or combined with another header fails its tag. A file whose last chunk
 * is not flagged final was not closed (its writer crashed): it is readable up to that chunk and is
 * reported as partial, never as complete.
 *
 * <p>The head is the only part ever rewritten: the WebM muxer's header (track list, seek index,
 * duration), which changes when a participant's track joins and when the recording is finished,
 * while everything after it is appended once. Each rewrite is a new generation under a new nonce
 * (a GCM nonce is never used twice), written into the slot that does not hold the head in use and
 * forced to disk, so a crash in the middle of a rewrite leaves the previous head readable. The
 * final chunk names the generation of the head the file was closed with, so an older head put back
 * into a complete file is caught.
 */
public final class RecordingFileFormat {

    public static final byte[] MAGIC = {(byte) 0x89, 'T', 'H', 'R', 'E', 'C', '\r', '\n'};
    public static final int VERSION = 2;
    /** Most plaintext bytes in one chunk; the writer seals a chunk when it is full or flushed. */
    public static final int MAX_CHUNK_PLAINTEXT = 64 * 1024;
    public static final int TAG_BYTES = 16;
    public static final int DATA_KEY_BYTES = 32;
    public static final int WRAP_NONCE_BYTES = 12;
    public static final int NONCE_PREFIX_BYTES = 4;
    public static final int MAX_KEY_ID_BYTES = 64;
    /** Most bytes of a head (the WebM muxer's header region needs about 4.3 KiB). */
    public static final int MAX_HEAD_BYTES = 8 * 1024;
    /** Slots for the head: the one in use and the one the next generation is written into. */
    public static final int HEAD_SLOTS = 2;
    /** Bytes of one head slot: generation, length, the sealed head, zeros to the end. */
    public static final int HEAD_SLOT_BYTES = Long.BYTES + Integer.BYTES + MAX_HEAD_BYTES + TAG_BYTES;
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

    /**
     * @param headGeneration the generation of the head in use; bound into the final chunk only
     */
    static byte[] chunkAad(byte[] headerDigest, long index, boolean last, long headGeneration) {
        ByteBuffer aad = ByteBuffer.allocate(headerDigest.length + Long.BYTES + 1 + (last ? Long.BYTES : 0))
                .put(headerDigest).putLong(index).put((byte) (last ? 1 : 0));
        if (last) {
            aad.putLong(headGeneration);
        }
        return aad.array();
    }

    /** The nonce and AAD number of head generation {@code generation}: above every chunk index. */
    static long headCounter(long generation) {
        if (generation < 1) {
            throw new IllegalArgumentException("head generations start at 1");
        }
        return Long.MIN_VALUE | generation;
    }

    static byte[] headAad(byte[] headerDigest, long generation) {
        return ByteBuffer.allocate(headerDigest.length + Long.BYTES).put(headerDigest).putLong(headCounter(generation)).array();
    }

    /** Where head slot {@code slot} starts, after a header of {@code headerLength} bytes. */
    static long headSlotOffset(int headerLength, int slot) {
        return headerLength + (long) slot * HEAD_SLOT_BYTES;
    }

    /** Where the chunks start, after a header of {@code headerLength} bytes and the head slots. */
    static long chunksOffset(int headerLength) {
        return headSlotOffset(headerLength, HEAD_SLOTS);
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
