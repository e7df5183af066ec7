package org.telehealth.recording.encryption;

import java.io.IOException;

/**
 * An encrypted recording that does not authenticate: a chunk's tag fails, its structure is not the
 * format's, it belongs to another recording, or it is shorter or longer than it should be. No
 * plaintext of a chunk that fails is ever returned. The message names the place, never key
 * material or content.
 */
public class RecordingIntegrityException extends IOException {

    public RecordingIntegrityException(String message) {
        super(message);
    }

    public RecordingIntegrityException(String message, Throwable cause) {
        super(message, cause);
    }
}
