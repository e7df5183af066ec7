package org.telehealth.recording.webm;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Where a recording's bytes go: a file, or later an encrypting layer over one. Writing is append
 * only, except that the muxer rewrites, in place, bytes inside the header region it wrote first
 * (the first {@link WebmMuxer#headerLength()} bytes): the track list when a track joins, the seek
 * index, duration and segment size when the recording is finished. Everything after the header is
 * written once. A sink that encrypts can keep the header region separately (or re-encrypt it
 * whole) and stream the rest.
 */
public interface RecordingSink extends Closeable {

    /** Appends {@code data} (all of its remaining bytes). */
    void write(ByteBuffer data) throws IOException;

    /**
     * Overwrites bytes already written from {@code position}, inside the header region.
     *
     * @throws IllegalArgumentException if they reach past what was written
     */
    void writeAt(long position, ByteBuffer data) throws IOException;

    /** Bytes appended so far. */
    long position();

    /** Makes what was written so far durable: a crash after it loses nothing before it. */
    void sync() throws IOException;
}
