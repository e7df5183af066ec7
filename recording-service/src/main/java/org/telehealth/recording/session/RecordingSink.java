package org.telehealth.recording.session;

import java.io.OutputStream;

/**
 * Where the capture side writes a recording's WebM: an {@link OutputStream} that encrypts as it
 * goes (AES-256-GCM chunks under the recording's own data key) into a crash-tolerant spool file.
 * {@link #flush()} seals a chunk and forces it to disk; see {@link CaptureStarter} for the contract.
 * Writes after the recording stopped fail with an {@link java.io.IOException}.
 */
public abstract class RecordingSink extends OutputStream {

    /**
     * The capture cannot go on (say why in a few words, ids only); recording-service stops the
     * session on another thread and keeps what was flushed. Returns at once; may be called from any
     * thread, more than once.
     */
    public abstract void captureFailed(String reason);
}
