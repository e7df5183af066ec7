package org.telehealth.recording.webm;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** A recording written to a new file (never an existing one); {@link #sync()} forces it to disk. */
public final class FileRecordingSink implements RecordingSink {

    private final FileChannel channel;
    private long position;

    private FileRecordingSink(FileChannel channel) {
        this.channel = channel;
    }

    /** @throws java.nio.file.FileAlreadyExistsException if {@code file} exists */
    public static FileRecordingSink create(Path file) throws IOException {
        return new FileRecordingSink(FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
    }

    @Override
    public void write(ByteBuffer data) throws IOException {
        while (data.hasRemaining()) {
            position += channel.write(data, position);
        }
    }

    @Override
    public void writeAt(long at, ByteBuffer data) throws IOException {
        if (at < 0 || at + data.remaining() > position) {
            throw new IllegalArgumentException("rewrite of " + data.remaining() + " bytes at " + at + " reaches past the "
                    + position + " written");
        }
        long next = at;
        while (data.hasRemaining()) {
            next += channel.write(data, next);
        }
    }

    @Override
    public long position() {
        return position;
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
