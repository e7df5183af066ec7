package org.telehealth.media.rtp;

/**
 * Bytes that claim to be an RTP packet but are not one: the SFU drops and counts such a packet, it
 * never forwards or half-reads it. The message says which field is inconsistent with what.
 *
 * <p>No stack trace is captured: a peer can send malformed packets at line rate, and the trace
 * would only ever point at the parser.
 */
public final class MalformedRtpException extends Exception {

    private static final long serialVersionUID = 1L;

    public MalformedRtpException(String message) {
        super(message, null, false, false);
    }
}
