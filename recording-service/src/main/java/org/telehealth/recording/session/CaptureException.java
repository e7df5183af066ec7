package org.telehealth.recording.session;

/** Capture could not start; the message says why in words fit for a log line (ids, no PHI). */
public class CaptureException extends Exception {

    public CaptureException(String message) {
        super(message);
    }

    public CaptureException(String message, Throwable cause) {
        super(message, cause);
    }
}
