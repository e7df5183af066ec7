package org.telehealth.recording.encryption;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** A local file as a {@link SeekableSource}. */
public final class FileSource implements SeekableSource {

    private final Path file;

    public FileSource(Path file) {
        this.file = file;
    }

    @Override
    public long size() throws IOException {
        return Files.size(file);
    }

    @Override
    public InputStream open(long offset, long length) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        channel.position(offset);
        return new BoundedInputStream(Channels.newInputStream(channel), length);
    }
}
