package org.telehealth.media.rtcp;

/**
 * Bytes that claim to be a (compound) RTCP packet but are not one: a length, count or item that
 * does not fit, or a version other than 2. The SFU drops and counts the whole compound packet. The
 * message says which field is inconsistent with what.
 *
 * <p>No stack trace is captured: a peer can send malformed packets at line rate, and the trace
 * would only ever point at the parser.
 */
public final class MalformedRtcpException extends Exception {

    private static final long serialVersionUID = 1L;

    public MalformedRtcpException(String message) {
        super(message, null, false, false);
    }
}
