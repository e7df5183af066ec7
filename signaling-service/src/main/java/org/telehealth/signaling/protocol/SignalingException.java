package org.telehealth.signaling.protocol;

import java.util.Objects;

/**
 * A refusal the client is told about: the endpoint turns it, in one place, into an {@code error}
 * message and, if its code says so, a close. The message is for the client and never holds PHI or
 * token contents.
 */
public class SignalingException extends RuntimeException {

    private final ErrorCode code;

    public SignalingException(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = Objects.requireNonNull(code, "code");
    }

    public ErrorCode code() {
        return code;
    }
}
