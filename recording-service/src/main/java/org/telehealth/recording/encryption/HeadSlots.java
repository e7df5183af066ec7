package org.telehealth.recording.encryption;

import static org.telehealth.recording.encryption.RecordingFileFormat.HEAD_SLOTS;
import static org.telehealth.recording.encryption.RecordingFileFormat.HEAD_SLOT_BYTES;
import static org.telehealth.recording.encryption.RecordingFileFormat.MAX_HEAD_BYTES;
import static org.telehealth.recording.encryption.RecordingFileFormat.TAG_BYTES;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The two slots that hold a recording's head, the only rewritable part of the file (see
 * {@link RecordingFileFormat}): encodes a sealed head into its slot, and finds the head in use, the
 * slot of the highest generation that authenticates.
 *
 * <pre>
 * | generation g (8) | head length n (4) | sealed head: n + 16 bytes | zeros to HEAD_SLOT_BYTES |
 * </pre>
 */
final class HeadSlots {

    private static final int SLOT_PREFIX_BYTES = Long.BYTES + Integer.BYTES;

    private HeadSlots() {
    }

    /** The slot generation {@code generation} goes into. */
    static int slotOf(long generation) {
        return (int) (generation % HEAD_SLOTS);
    }

    /** The bytes of a slot holding head {@code generation}, sealed ({@code sealed}: ciphertext and tag). */
    static byte[] encode(long generation, byte[] sealed) {
        int length = sealed.length - TAG_BYTES;
        if (length < 0 || length > MAX_HEAD_BYTES) {
            throw new IllegalArgumentException("a head holds 0 to " + MAX_HEAD_BYTES + " bytes, not " + length);
        }
        return ByteBuffer.allocate(HEAD_SLOT_BYTES).putLong(generation).putInt(length).put(sealed).array();
    }

    /**
     * The head in use among the slots {@code slots} (both, as stored). A slot whose generation is 0
     * was never written and must be all zeros. Strict (a closed file): every written slot must
     * authenticate. Lenient (a file a crash may have left): a slot that does not (a rewrite torn by
     * the crash) is passed over for the other.
     */
    static Head choose(byte[] slots, ChunkCipher cipher, boolean strict) throws RecordingIntegrityException {
        Head inUse = Head.NONE;
        for (int slot = 0; slot < HEAD_SLOTS; slot++) {
            byte[] bytes = Arrays.copyOfRange(slots, slot * HEAD_SLOT_BYTES, (slot + 1) * HEAD_SLOT_BYTES);
            Head head;
            try {
                head = open(bytes, slot, cipher);
            } catch (RecordingIntegrityException e) {
                if (strict) {
                    throw e;
                }
                continue;
            }
            if (head.generation() > inUse.generation()) {
                inUse = head;
            }
        }
        return inUse;
    }

    /** The head in slot {@code slot}, which an index says has generation {@code generation} and {@code length} bytes. */
    static Head expect(byte[] slotBytes, int slot, long generation, int length, ChunkCipher cipher)
            throws RecordingIntegrityException {
        Head head = open(slotBytes, slot, cipher);
        if (head.generation() != generation || head.length() != length) {
            throw new RecordingIntegrityException("head slot " + slot + " does not hold the head the recording's index names");
        }
        return head;
    }

    private static Head open(byte[] bytes, int slot, ChunkCipher cipher) throws RecordingIntegrityException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        long generation = buffer.getLong();
        int length = buffer.getInt();
        if (generation == 0) {
            if (!zeros(bytes, 0, bytes.length)) {
                throw new RecordingIntegrityException("head slot " + slot + " is neither empty nor a head");
            }
            return Head.NONE;
        }
        if (generation < 0 || slotOf(generation) != slot || length < 0 || length > MAX_HEAD_BYTES) {
            throw new RecordingIntegrityException("head slot " + slot + " is malformed");
        }
        int end = SLOT_PREFIX_BYTES + length + TAG_BYTES;
        if (!zeros(bytes, end, bytes.length)) {
            throw new RecordingIntegrityException("head slot " + slot + " has bytes after its head");
        }
        byte[] head = cipher.openHead(generation, Arrays.copyOfRange(bytes, SLOT_PREFIX_BYTES, end));
        return new Head(slot, generation, head);
    }

    private static boolean zeros(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * A head as read.
     *
     * @param slot 0 or 1, or -1 when no head was ever written
     * @param generation 1, 2, ..., or 0 when none was written
     */
    record Head(int slot, long generation, byte[] plaintext) {

        static final Head NONE = new Head(-1, 0, new byte[0]);

        int length() {
            return plaintext.length;
        }
    }
}
