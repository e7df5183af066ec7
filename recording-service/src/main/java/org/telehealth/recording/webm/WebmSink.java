package org.telehealth.recording.webm;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Where {@link WebmMuxer} writes a recording: its head, the muxer's header region (EBML header,
 * segment, seek index, info, track list), which is replaced whole when a track joins and when the
 * recording is finished; then the body (clusters, cues), appended once and never rewritten. The
 * file is the head followed by the body. A plain file keeps the head at its start
 * ({@link FileWebmSink}); an encrypting sink seals each new head on its own, so that an append-only
 * encrypted stream needs no rewrite in place.
 */
public interface WebmSink extends Closeable {

    /**
     * Replaces the head with {@code head} (all of its remaining bytes; the same length every time
     * once the body has started), durably: a crash after it returns leaves this head or, during it,
     * the previous one.
     */
    void writeHead(ByteBuffer head) throws IOException;

    /** Appends {@code data} (all of its remaining bytes) to the body. */
    void append(ByteBuffer data) throws IOException;

    /** Makes what was appended so far durable: a crash after it loses nothing before it. */
    void sync() throws IOException;
}
