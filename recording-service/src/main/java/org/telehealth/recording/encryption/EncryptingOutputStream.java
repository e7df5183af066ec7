package org.telehealth.recording.encryption;

import static org.telehealth.recording.encryption.RecordingFileFormat.CHUNK_PREFIX_BYTES;
import static org.telehealth.recording.encryption.RecordingFileFormat.MAX_CHUNK_PLAINTEXT;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Writes a recording encrypted, as it is captured, so that a crash loses little: plaintext
 * collects in a buffer of at most 64 KiB, and a chunk is sealed (AES-256-GCM, see
 * {@link RecordingFileFormat}) and appended when the buffer is full or on {@link #flush()}, which
 * also forces the file to disk. The capture side flushes at least once a second, so a crash loses
 * at most the last second; what was sealed before stays readable. {@link #close()} seals the final
 * chunk, the only one flagged final, which is how a reader tells a finished recording from one cut
 * off by a crash. Unsealed plaintext exists only in this buffer, never on disk.
 *
 * <p>The video's first bytes, its head, are written apart with {@link #writeHead}, and may be
 * rewritten whole as often as needed: each time sealed as a new generation into the head slot not
 * in use, and forced to disk, so a crash during a rewrite leaves the previous head.
 *
 * <p>Thread-safe: the muxer writes from its thread while the service may close it from another.
 */
public final class EncryptingOutputStream extends OutputStream {

    private final FileChannel file;
    private final ChunkCipher chunkCipher;
    private final byte[] buffer = new byte[MAX_CHUNK_PLAINTEXT];
    private int buffered;
    private final long chunksOffset;
    private final int headerLength;
    private long chunks;
    private long headGeneration;
    private long plaintextBytes;
    private long fileBytes;
    private boolean closed;

    private EncryptingOutputStream(FileChannel file, RecordingHeader.Sealed sealed) throws IOException {
        this.file = file;
        this.chunkCipher = new ChunkCipher(sealed.header(), sealed.dataKey());
        this.headerLength = sealed.header().length();
        this.chunksOffset = RecordingFileFormat.chunksOffset(headerLength);
        writeFully(ByteBuffer.wrap(sealed.header().encoded()));
        writeFully(ByteBuffer.allocate((int) (chunksOffset - headerLength)));
        file.force(true);
    }

    /**
     * Creates {@code path} (it must not exist; owner-only permissions) for recording
     * {@code recordingId}, with a new data key wrapped by {@code master}, and writes the header.
     */
    public static EncryptingOutputStream create(Path path, UUID recordingId, MasterKey master, SecureRandom random)
            throws IOException {
        Objects.requireNonNull(recordingId, "recordingId");
        FileChannel channel = FileChannel.open(path, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            return new EncryptingOutputStream(channel, RecordingHeader.create(recordingId, master, random));
        } catch (IOException | RuntimeException e) {
            channel.close();
            Files.deleteIfExists(path);
            throw e;
        }
    }

    @Override
    public synchronized void write(int b) throws IOException {
        ensureOpen();
        if (buffered == buffer.length) {
            seal(false);
        }
        buffer[buffered++] = (byte) b;
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        ensureOpen();
        while (length > 0) {
            if (buffered == buffer.length) {
                seal(false);
            }
            int n = Math.min(length, buffer.length - buffered);
            System.arraycopy(bytes, offset, buffer, buffered, n);
            buffered += n;
            offset += n;
            length -= n;
        }
    }

    /**
     * Replaces the video's head (its first bytes, at most {@link RecordingFileFormat#MAX_HEAD_BYTES})
     * with {@code head}, sealed as the next generation into the slot not in use, and forces it to disk
     * before it returns. What was written with {@link #write} follows the head in the video.
     */
    public synchronized void writeHead(byte[] head) throws IOException {
        ensureOpen();
        if (head.length > RecordingFileFormat.MAX_HEAD_BYTES) {
            throw new IllegalArgumentException("a head holds at most " + RecordingFileFormat.MAX_HEAD_BYTES + " bytes, not "
                    + head.length);
        }
        long generation = headGeneration + 1;
        byte[] slot = HeadSlots.encode(generation, chunkCipher.sealHead(generation, head));
        ByteBuffer bytes = ByteBuffer.wrap(slot);
        long at = RecordingFileFormat.headSlotOffset(headerLength, HeadSlots.slotOf(generation));
        while (bytes.hasRemaining()) {
            at += file.write(bytes, at);
        }
        file.force(false);
        headGeneration = generation;
    }

    /** Seals what is buffered into a chunk (if anything) and forces the file to disk. */
    @Override
    public synchronized void flush() throws IOException {
        ensureOpen();
        if (buffered > 0) {
            seal(false);
        }
        file.force(false);
    }

    /** Seals the final chunk and closes the file; the recording is then complete. A second call does nothing. */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        try {
            seal(true);
            file.force(true);
        } finally {
            closed = true;
            file.close();
        }
    }

    /**
     * Closes the file without sealing what is buffered or a final chunk, as a crash would leave it:
     * for a capture that failed, whose file is then discarded or recovered as partial.
     */
    public synchronized void abandon() throws IOException {
        if (!closed) {
            closed = true;
            file.close();
        }
    }

    /** Plaintext bytes written with {@link #write} so far (sealed or buffered), the head aside. */
    public synchronized long plaintextBytes() {
        return plaintextBytes + buffered;
    }

    /** Bytes of the file so far (header, head slots and sealed chunks). */
    public synchronized long fileBytes() {
        return fileBytes;
    }

    public synchronized long chunks() {
        return chunks;
    }

    private void seal(boolean last) throws IOException {
        byte[] sealed = chunkCipher.seal(chunks, last, headGeneration, buffer, buffered);
        ByteBuffer chunk = ByteBuffer.allocate(CHUNK_PREFIX_BYTES + sealed.length);
        chunk.putInt(RecordingFileFormat.prefix(sealed.length, last)).put(sealed).flip();
        writeFully(chunk);
        chunks++;
        plaintextBytes += buffered;
        buffered = 0;
    }

    private void writeFully(ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
            fileBytes += file.write(bytes);
        }
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("the recording file is closed");
        }
    }
}
