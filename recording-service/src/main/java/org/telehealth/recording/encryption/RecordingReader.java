package org.telehealth.recording.encryption;

import static org.telehealth.recording.encryption.RecordingFileFormat.CHUNK_PREFIX_BYTES;
import static org.telehealth.recording.encryption.RecordingFileFormat.MAX_KEY_ID_BYTES;

import java.io.Closeable;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.UUID;
import javax.crypto.SecretKey;

/**
 * Decrypts any byte range of a stored recording's video, chunk by chunk, as it is sent: memory stays
 * at one chunk (and the head, at most 8 KiB) whatever the range. The head and every chunk are
 * authenticated before any of their plaintext is returned; a chunk that fails, a prefix that
 * disagrees with the index, a head other than the one the index names, a file of the wrong length or
 * a header of another recording is a {@link RecordingIntegrityException}.
 */
public final class RecordingReader {

    /** Enough for the longest header (a 64-byte key id). */
    private static final int MAX_HEADER_BYTES = 8 + 1 + 16 + 1 + MAX_KEY_ID_BYTES + 12 + 48 + 4;

    private final SeekableSource source;
    private final RecordingHeader header;
    private final SecretKey dataKey;
    private final ChunkIndex index;
    private final byte[] head;

    private RecordingReader(SeekableSource source, RecordingHeader header, SecretKey dataKey, ChunkIndex index, byte[] head) {
        this.source = source;
        this.header = header;
        this.dataKey = dataKey;
        this.index = index;
        this.head = head;
    }

    /**
     * Opens recording {@code recordingId} in {@code source}. {@code knownIndex} is the index stored
     * with the record, or null to scan the file for it (the head in use is then the newest that
     * authenticates, as a crash may have torn a rewrite of the other).
     */
    public static RecordingReader open(SeekableSource source, UUID recordingId, MasterKeyRing keys, ChunkIndex knownIndex)
            throws IOException {
        long size = source.size();
        RecordingHeader header;
        try (InputStream in = source.open(0, Math.min(size, MAX_HEADER_BYTES))) {
            header = RecordingHeader.read(in);
        }
        if (!header.recordingId().equals(recordingId)) {
            throw new RecordingIntegrityException("the file belongs to another recording");
        }
        SecretKey dataKey = header.unwrap(keys);
        ChunkCipher cipher = new ChunkCipher(header, dataKey);
        if (size < RecordingFileFormat.chunksOffset(header.length())) {
            throw new RecordingIntegrityException("the file is shorter than its header and head slots");
        }
        HeadSlots.Head head;
        ChunkIndex index;
        if (knownIndex != null) {
            index = knownIndex;
            head = index.headSlot() < 0 ? HeadSlots.Head.NONE
                    : HeadSlots.expect(readSlot(source, header.length(), index.headSlot()), index.headSlot(),
                            index.headGeneration(), index.headLength(), cipher);
        } else {
            byte[] slots = new byte[RecordingFileFormat.HEAD_SLOTS * RecordingFileFormat.HEAD_SLOT_BYTES];
            try (DataInputStream in = new DataInputStream(source.open(header.length(), slots.length))) {
                in.readFully(slots);
            }
            head = HeadSlots.choose(slots, cipher, false);
            index = ChunkIndex.scan(source, header.length(), head);
        }
        if (index.headerLength() != header.length() || index.fileLength() != size) {
            throw new RecordingIntegrityException("the file is " + size + " bytes, its chunks say " + index.fileLength());
        }
        RecordingReader reader = new RecordingReader(source, header, dataKey, index, head.plaintext());
        reader.authenticateLastChunk();
        return reader;
    }

    private static byte[] readSlot(SeekableSource source, int headerLength, int slot) throws IOException {
        byte[] bytes = new byte[RecordingFileFormat.HEAD_SLOT_BYTES];
        try (DataInputStream in = new DataInputStream(source.open(RecordingFileFormat.headSlotOffset(headerLength, slot),
                bytes.length))) {
            in.readFully(bytes);
        } catch (EOFException e) {
            throw new RecordingIntegrityException("the file ended inside head slot " + slot);
        }
        return bytes;
    }

    /**
     * Opens the last chunk once, so that what {@link #complete()} says is proven (the final flag is
     * in its AAD) and a file cut short and passed off as complete is caught even when no range
     * reads its end (the final chunk may be empty).
     */
    private void authenticateLastChunk() throws IOException {
        if (index.count() == 0) {
            return;
        }
        int last = index.count() - 1;
        long from = index.fileOffset(last);
        try (DecryptedRange range = new DecryptedRange(null, source.open(from, CHUNK_PREFIX_BYTES + index.sealedLength(last)),
                last, last, index.mediaOffset(last), index.mediaLength() - 1)) {
            range.open(last);
        }
    }

    /** Bytes of video in the file. */
    public long mediaLength() {
        return index.mediaLength();
    }

    /** True when the file was closed by its writer (its last chunk is flagged final). */
    public boolean complete() {
        return index.complete();
    }

    public ChunkIndex index() {
        return index;
    }

    public String masterKeyId() {
        return header.masterKeyId();
    }

    /** The video bytes {@code first} to {@code last} (inclusive), to be read slice by slice and closed. */
    public DecryptedRange range(long first, long last) throws IOException {
        if (first < 0 || last < first || last >= index.mediaLength()) {
            throw new IllegalArgumentException("range " + first + "-" + last + " is outside 0-" + (index.mediaLength() - 1));
        }
        byte[] headPart = first < head.length ? Arrays.copyOfRange(head, (int) first, (int) Math.min(last + 1, head.length)) : null;
        if (last < head.length) {
            return new DecryptedRange(headPart, null, 0, -1, first, last);
        }
        int firstChunk = index.chunkHolding(Math.max(first, head.length));
        int lastChunk = index.chunkHolding(last);
        long from = index.fileOffset(firstChunk);
        long to = index.fileOffset(lastChunk) + CHUNK_PREFIX_BYTES + index.sealedLength(lastChunk);
        return new DecryptedRange(headPart, source.open(from, to - from), firstChunk, lastChunk, first, last);
    }

    /**
     * One range being decrypted: {@link #next()} returns the part of the head in the range, then the
     * plaintext of one chunk (trimmed to the range) at a time.
     */
    public final class DecryptedRange implements Closeable {

        private final DataInputStream in;
        private final int lastChunk;
        private final long first;
        private final long last;
        private final ChunkCipher cipher = new ChunkCipher(header, dataKey);
        private byte[] headPart;
        private int chunk;

        private DecryptedRange(byte[] headPart, InputStream in, int firstChunk, int lastChunk, long first, long last) {
            this.headPart = headPart;
            this.in = in == null ? null : new DataInputStream(in);
            this.chunk = firstChunk;
            this.lastChunk = lastChunk;
            this.first = first;
            this.last = last;
        }

        /** The next slice of plaintext, or null once the range is done. */
        public byte[] next() throws IOException {
            if (headPart != null) {
                byte[] part = headPart;
                headPart = null;
                return part;
            }
            if (chunk > lastChunk) {
                return null;
            }
            byte[] plaintext = open(chunk);
            long chunkStart = index.mediaOffset(chunk);
            int from = (int) Math.max(0, first - chunkStart);
            int to = (int) Math.min(plaintext.length, last - chunkStart + 1);
            chunk++;
            return from == 0 && to == plaintext.length ? plaintext : Arrays.copyOfRange(plaintext, from, to);
        }

        private byte[] open(int i) throws IOException {
            try {
                int prefix = in.readInt();
                if (prefix != index.prefix(i)) {
                    throw new RecordingIntegrityException("chunk " + i + " does not match the recording's index");
                }
                byte[] sealed = new byte[index.sealedLength(i)];
                in.readFully(sealed);
                return cipher.open(i, index.isLast(i), index.headGeneration(), sealed);
            } catch (EOFException e) {
                throw new RecordingIntegrityException("the file ended inside chunk " + i);
            }
        }

        @Override
        public void close() throws IOException {
            if (in != null) {
                in.close();
            }
        }
    }
}
