package org.telehealth.recording.encryption;

import static org.telehealth.recording.encryption.RecordingFileFormat.CHUNK_PREFIX_BYTES;
import static org.telehealth.recording.encryption.RecordingFileFormat.FINAL_FLAG;
import static org.telehealth.recording.encryption.RecordingFileFormat.LENGTH_MASK;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.SecretKey;

/**
 * Reads a just-written recording file end to end, once, before it is stored: every chunk must
 * authenticate, and the result carries what the record keeps (SHA-256 of the encrypted file and of
 * the video, the chunk index, whether the file is complete).
 *
 * <p>{@link #recover} is for a file whose writer died with the service: it takes the newest head
 * that authenticates (the crash may have torn a rewrite of the other slot), keeps the longest run of
 * whole chunks that authenticate and reports the bytes after them (a chunk the crash tore), which
 * the caller cuts off. The file is then a partial recording, readable to its last whole chunk.
 * Files being served are never read this leniently (see {@link RecordingReader}).
 */
public final class RecordingVerifier {

    private RecordingVerifier() {
    }

    /** Verifies a file its writer closed: both head slots and every chunk authentic, the final one last, nothing after it. */
    public static Verification verify(Path file, UUID recordingId, MasterKeyRing keys) throws IOException {
        return inspect(file, recordingId, keys, true);
    }

    /** Keeps what a crashed writer left: the whole, authentic chunks up to the first that is not. */
    public static Verification recover(Path file, UUID recordingId, MasterKeyRing keys) throws IOException {
        return inspect(file, recordingId, keys, false);
    }

    private static Verification inspect(Path file, UUID recordingId, MasterKeyRing keys, boolean strict) throws IOException {
        long size = Files.size(file);
        MessageDigest fileDigest = sha256();
        MessageDigest mediaDigest = sha256();
        int[] prefixes = new int[64];
        int count = 0;
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 128 * 1024))) {
            RecordingHeader header = RecordingHeader.read(in);
            if (!header.recordingId().equals(recordingId)) {
                throw new RecordingIntegrityException("the file belongs to another recording");
            }
            SecretKey dataKey = header.unwrap(keys);
            ChunkCipher cipher = new ChunkCipher(header, dataKey);
            fileDigest.update(header.encoded());
            byte[] slots = in.readNBytes(RecordingFileFormat.HEAD_SLOTS * RecordingFileFormat.HEAD_SLOT_BYTES);
            if (slots.length < RecordingFileFormat.HEAD_SLOTS * RecordingFileFormat.HEAD_SLOT_BYTES) {
                throw new RecordingIntegrityException("the file ends inside its head slots");
            }
            HeadSlots.Head head = HeadSlots.choose(slots, cipher, strict);
            fileDigest.update(slots);
            mediaDigest.update(head.plaintext());
            long position = RecordingFileFormat.chunksOffset(header.length());
            boolean closed = false;
            while (!closed && size - position >= CHUNK_PREFIX_BYTES) {
                int prefix = in.readInt();
                boolean last = (prefix & FINAL_FLAG) != 0;
                int sealedLength = prefix & LENGTH_MASK;
                if (!RecordingFileFormat.plausibleSealedLength(sealedLength, last)
                        || size - position - CHUNK_PREFIX_BYTES < sealedLength) {
                    break;
                }
                byte[] sealed = in.readNBytes(sealedLength);
                byte[] plaintext;
                try {
                    plaintext = cipher.open(count, last, head.generation(), sealed);
                } catch (RecordingIntegrityException e) {
                    if (strict) {
                        throw e;
                    }
                    break;
                }
                fileDigest.update(ByteBuffer.allocate(CHUNK_PREFIX_BYTES).putInt(prefix).array());
                fileDigest.update(sealed);
                mediaDigest.update(plaintext);
                if (count == prefixes.length) {
                    prefixes = Arrays.copyOf(prefixes, count * 2);
                }
                prefixes[count++] = prefix;
                position += CHUNK_PREFIX_BYTES + sealedLength;
                closed = last;
            }
            ChunkIndex index = ChunkIndex.of(header.length(), head, Arrays.copyOf(prefixes, count));
            if (strict && (!index.complete() || index.fileLength() != size)) {
                throw new RecordingIntegrityException("the file is not a complete recording");
            }
            return new Verification(index, header.masterKeyId(), HexFormat.of().formatHex(fileDigest.digest()),
                    HexFormat.of().formatHex(mediaDigest.digest()), size - index.fileLength());
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /**
     * What a verified file holds.
     *
     * @param index the whole, authentic chunks kept (complete when the final one is among them)
     * @param sha256 SHA-256 of the kept bytes of the file (header and kept chunks), hex
     * @param mediaSha256 SHA-256 of the video (head and kept chunks), hex
     * @param discardedBytes bytes after the kept chunks, to be cut off (always 0 from {@link #verify})
     */
    public record Verification(ChunkIndex index, String masterKeyId, String sha256, String mediaSha256, long discardedBytes) {
    }
}
