package org.telehealth.media.stun;

/**
 * A datagram, or one attribute of it, does not follow the STUN wire format. Anything on the
 * network can send anything, so this is an expected outcome of parsing, not a bug: it is checked,
 * and it carries no stack trace, which would cost more to fill in than the parse itself when
 * someone floods the port with garbage.
 */
public final class MalformedStunException extends Exception {

    private static final long serialVersionUID = 1L;

    public MalformedStunException(String message) {
        super(message, null, false, false);
    }
}
