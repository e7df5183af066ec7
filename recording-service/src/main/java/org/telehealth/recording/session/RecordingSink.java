package org.telehealth.recording.session;

import java.io.IOException;
import java.io.OutputStream;
import org.telehealth.recording.encryption.RecordingFileFormat;

/**
 * Where the capture side writes a recording's WebM: an {@link OutputStream} that encrypts as it
 * goes (AES-256-GCM chunks under the recording's own data key) into a crash-tolerant spool file.
 * {@link #flush()} seals a chunk and forces it to disk; see {@link CaptureStarter} for the contract.
 * The video's first bytes, its head, are written apart with {@link #writeHead} and may be replaced;
 * what goes through the stream follows the head and is never rewritten. Writes after the recording
 * stopped fail with an {@link IOException}.
 */
public abstract class RecordingSink extends OutputStream {

    /** Most bytes of a head. */
    public static final int MAX_HEAD_BYTES = RecordingFileFormat.MAX_HEAD_BYTES;

    /**
     * Replaces the video's head (its first bytes, at most {@link #MAX_HEAD_BYTES}; for a WebM the
     * muxer's header region) with {@code head}, sealed on its own and forced to disk before this
     * returns: a crash during it leaves the previous head. Write the head before the first byte of
     * the stream, and again whenever it changes (a track declared, the recording finished).
     */
    public abstract void writeHead(byte[] head) throws IOException;

    /**
     * The capture cannot go on (say why in a few words, ids only); recording-service stops the
     * session on another thread and keeps what was flushed. Returns at once; may be called from any
     * thread, more than once.
     */
    public abstract void captureFailed(String reason);
}
