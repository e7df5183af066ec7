package org.telehealth.media.sdp;

import java.util.OptionalInt;

/**
 * Text that is not a session description as RFC 8866 writes one, or that exceeds the limits the
 * parser sets ({@link SdpParser#MAX_TEXT_BYTES} and the others). The text comes from a browser
 * through signaling, so this is an expected outcome and the message is written for that user: it
 * names the line and what is wrong with it. Like the STUN parser's exception it is checked and
 * carries no stack trace.
 */
public final class MalformedSdpException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int lineNumber;

    MalformedSdpException(int lineNumber, String problem) {
        super(lineNumber > 0 ? "line " + lineNumber + ": " + problem : problem, null, false, false);
        this.lineNumber = lineNumber;
    }

    /** The 1-based number of the offending line, or empty when the problem is the text as a whole. */
    public OptionalInt lineNumber() {
        return lineNumber > 0 ? OptionalInt.of(lineNumber) : OptionalInt.empty();
    }
}
