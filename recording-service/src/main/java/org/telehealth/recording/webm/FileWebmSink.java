package org.telehealth.recording.webm;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A recording written as a plain WebM file, new (never an existing one): the head at its start,
 * rewritten in place, the body after it; {@link #sync()} forces it to disk. A crash while the head is
 * rewritten could tear it (only whole heads are written, in one call, so in practice the old or the
 * new one is there). For tests and tools; recordings of visits go through the encrypted spool.
 */
public final class FileWebmSink implements WebmSink {

    private final FileChannel channel;
    private long headLength = -1;
    private long bodyLength;

    private FileWebmSink(FileChannel channel) {
        this.channel = channel;
    }

    /** @throws java.nio.file.FileAlreadyExistsException if {@code file} exists */
    public static FileWebmSink create(Path file) throws IOException {
        return new FileWebmSink(FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
    }

    @Override
    public void writeHead(ByteBuffer head) throws IOException {
        if (headLength >= 0 && head.remaining() != headLength && bodyLength > 0) {
            throw new IllegalArgumentException("the head is " + headLength + " bytes and the body follows it; a head of "
                    + head.remaining() + " bytes does not fit");
        }
        headLength = head.remaining();
        long at = 0;
        while (head.hasRemaining()) {
            at += channel.write(head, at);
        }
        channel.force(false);
    }

    @Override
    public void append(ByteBuffer data) throws IOException {
        if (headLength < 0) {
            throw new IllegalStateException("the head is written first");
        }
        while (data.hasRemaining()) {
            bodyLength += channel.write(data, headLength + bodyLength);
        }
    }

    /** Bytes of the file so far: the head and the body. */
    public long length() {
        return Math.max(0, headLength) + bodyLength;
    }

    @Override
    public void sync() throws IOException {
        channel.force(false);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
