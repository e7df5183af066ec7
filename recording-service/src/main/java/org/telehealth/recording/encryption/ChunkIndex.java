package org.telehealth.recording.encryption;

import static org.telehealth.recording.encryption.RecordingFileFormat.CHUNK_PREFIX_BYTES;
import static org.telehealth.recording.encryption.RecordingFileFormat.FINAL_FLAG;
import static org.telehealth.recording.encryption.RecordingFileFormat.LENGTH_MASK;
import static org.telehealth.recording.encryption.RecordingFileFormat.TAG_BYTES;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Where each chunk of an encrypted recording lies, in the file and in the plaintext, so that a
 * byte range of the video is served by decrypting only the chunks that hold it; and which head slot
 * holds the head in use (generation and length), the video's first bytes. Built by scanning the
 * chunks' length prefixes, once when the recording is finished; it is stored with the record
 * ({@link #encode()}) so that serving a range from an object store needs no scan. The reader still
 * checks every prefix it reads against the index, the head against its slot, and the file's length
 * against its end.
 */
public final class ChunkIndex {

    private static final int ENCODED_FIXED_BYTES = 4 + 4 + 8 + 4 + 4;

    private final int headerLength;
    private final int headSlot;
    private final long headGeneration;
    private final int headLength;
    private final int[] prefixes;
    private final long[] fileOffsets;
    private final long[] mediaOffsets;
    private final long fileLength;
    private final long mediaLength;

    private ChunkIndex(int headerLength, int headSlot, long headGeneration, int headLength, int[] prefixes)
            throws RecordingIntegrityException {
        boolean noHead = headSlot == -1 && headGeneration == 0 && headLength == 0;
        boolean head = headSlot >= 0 && headGeneration >= 1 && HeadSlots.slotOf(headGeneration) == headSlot && headLength >= 0
                && headLength <= RecordingFileFormat.MAX_HEAD_BYTES;
        if (!noHead && !head) {
            throw new RecordingIntegrityException("the index names an impossible head");
        }
        this.headerLength = headerLength;
        this.headSlot = headSlot;
        this.headGeneration = headGeneration;
        this.headLength = headLength;
        this.prefixes = prefixes;
        this.fileOffsets = new long[prefixes.length];
        this.mediaOffsets = new long[prefixes.length];
        long file = RecordingFileFormat.chunksOffset(headerLength);
        long media = headLength;
        for (int i = 0; i < prefixes.length; i++) {
            boolean last = (prefixes[i] & FINAL_FLAG) != 0;
            int sealed = prefixes[i] & LENGTH_MASK;
            if (last && i != prefixes.length - 1) {
                throw new RecordingIntegrityException("chunk " + i + " is flagged final but more chunks follow");
            }
            if (!RecordingFileFormat.plausibleSealedLength(sealed, last)) {
                throw new RecordingIntegrityException("chunk " + i + " has an impossible length " + sealed);
            }
            fileOffsets[i] = file;
            mediaOffsets[i] = media;
            file += CHUNK_PREFIX_BYTES + sealed;
            media += sealed - TAG_BYTES;
        }
        this.fileLength = file;
        this.mediaLength = media;
    }

    /**
     * Scans the chunks after a header of {@code headerLength} bytes and the head slots, whose head in
     * use is {@code head}. Strict: anything after the last whole chunk, or after a final chunk, is an
     * integrity error.
     */
    static ChunkIndex scan(SeekableSource source, int headerLength, HeadSlots.Head head) throws IOException {
        long size = source.size();
        Scan scan = scan(source, headerLength, head, size);
        if (scan.trailingBytes() > 0) {
            throw new RecordingIntegrityException("the file has " + scan.trailingBytes() + " bytes that are not whole chunks");
        }
        return scan.index();
    }

    /** Scans as far as whole chunks go and reports how many bytes follow them. */
    static Scan scan(SeekableSource source, int headerLength, HeadSlots.Head head, long size) throws IOException {
        long chunksOffset = RecordingFileFormat.chunksOffset(headerLength);
        if (size < chunksOffset) {
            throw new RecordingIntegrityException("the file is shorter than its header and head slots");
        }
        int[] prefixes = new int[64];
        int count = 0;
        long position = chunksOffset;
        try (DataInputStream in = new DataInputStream(source.open(chunksOffset, size - chunksOffset))) {
            while (size - position >= CHUNK_PREFIX_BYTES) {
                int prefix = in.readInt();
                boolean last = (prefix & FINAL_FLAG) != 0;
                int sealed = prefix & LENGTH_MASK;
                if (!RecordingFileFormat.plausibleSealedLength(sealed, last)
                        || size - position - CHUNK_PREFIX_BYTES < sealed) {
                    break;
                }
                in.skipNBytes(sealed);
                if (count == prefixes.length) {
                    prefixes = Arrays.copyOf(prefixes, count * 2);
                }
                prefixes[count++] = prefix;
                position += CHUNK_PREFIX_BYTES + sealed;
                if (last) {
                    break;
                }
            }
        } catch (EOFException e) {
            throw new RecordingIntegrityException("the file ended while it was being read");
        }
        return new Scan(of(headerLength, head, Arrays.copyOf(prefixes, count)), size - position);
    }

    static ChunkIndex of(int headerLength, HeadSlots.Head head, int[] prefixes) throws RecordingIntegrityException {
        return new ChunkIndex(headerLength, head.slot(), head.generation(), head.length(), prefixes.clone());
    }

    /**
     * The index as stored with the record: header length, head slot (-1: none), head generation,
     * head length, chunk count, then each chunk's prefix.
     */
    public byte[] encode() {
        ByteBuffer bytes = ByteBuffer.allocate(ENCODED_FIXED_BYTES + 4 * prefixes.length).putInt(headerLength).putInt(headSlot)
                .putLong(headGeneration).putInt(headLength).putInt(prefixes.length);
        for (int prefix : prefixes) {
            bytes.putInt(prefix);
        }
        return bytes.array();
    }

    public static ChunkIndex decode(byte[] encoded) throws RecordingIntegrityException {
        if (encoded == null || encoded.length < ENCODED_FIXED_BYTES || (encoded.length - ENCODED_FIXED_BYTES) % 4 != 0) {
            throw new RecordingIntegrityException("the stored chunk index is malformed");
        }
        ByteBuffer bytes = ByteBuffer.wrap(encoded);
        int headerLength = bytes.getInt();
        int headSlot = bytes.getInt();
        long headGeneration = bytes.getLong();
        int headLength = bytes.getInt();
        int count = bytes.getInt();
        if (count != (encoded.length - ENCODED_FIXED_BYTES) / 4 || headerLength <= 0) {
            throw new RecordingIntegrityException("the stored chunk index is malformed");
        }
        int[] prefixes = new int[count];
        for (int i = 0; i < count; i++) {
            prefixes[i] = bytes.getInt();
        }
        return new ChunkIndex(headerLength, headSlot, headGeneration, headLength, prefixes);
    }

    /** Bytes of the file's header (before the head slots). */
    public int headerLength() {
        return headerLength;
    }

    /** The slot of the head in use, or -1 when no head was written. */
    int headSlot() {
        return headSlot;
    }

    /** The generation of the head in use (0: none), which the final chunk names. */
    long headGeneration() {
        return headGeneration;
    }

    /** Bytes of the head: the video's first bytes. */
    public int headLength() {
        return headLength;
    }

    public int count() {
        return prefixes.length;
    }

    /** Bytes of the file the index covers: header, head slots and every chunk. */
    public long fileLength() {
        return fileLength;
    }

    /** Bytes of the video: the head and the plaintext of every chunk. */
    public long mediaLength() {
        return mediaLength;
    }

    /** True when the last chunk is flagged final: the writer closed the file. */
    public boolean complete() {
        return prefixes.length > 0 && (prefixes[prefixes.length - 1] & FINAL_FLAG) != 0;
    }

    int prefix(int chunk) {
        return prefixes[chunk];
    }

    boolean isLast(int chunk) {
        return (prefixes[chunk] & FINAL_FLAG) != 0;
    }

    int sealedLength(int chunk) {
        return prefixes[chunk] & LENGTH_MASK;
    }

    long fileOffset(int chunk) {
        return fileOffsets[chunk];
    }

    long mediaOffset(int chunk) {
        return mediaOffsets[chunk];
    }

    /** The chunk holding video byte {@code mediaOffset}, which must be past the head and below {@link #mediaLength()}. */
    int chunkHolding(long mediaOffset) {
        if (mediaOffset < headLength || mediaOffset >= mediaLength) {
            throw new IllegalArgumentException("offset " + mediaOffset + " is outside the media");
        }
        // offsets rise strictly: only a final chunk may be empty, and it starts at mediaLength
        int found = Arrays.binarySearch(mediaOffsets, mediaOffset);
        return found >= 0 ? found : -found - 2;
    }

    /** The result of a scan: the whole chunks, and how many bytes follow them (a torn tail or garbage). */
    record Scan(ChunkIndex index, long trailingBytes) {
    }
}
