package org.telehealth.platform;

/**
 * A failure the person running {@code ./telehealth} can act on: a taken port, a failed start, a
 * missing build. Its message is printed as one line, without a stack trace.
 */
public class PlatformException extends RuntimeException {

    public PlatformException(String message) {
        super(message);
    }

    public PlatformException(String message, Throwable cause) {
        super(message, cause);
    }
}
