package org.telehealth.media.sdp;

/**
 * A well-formed offer the SFU cannot answer: it lacks something the single bundled, ICE-lite,
 * DTLS-SRTP transport needs, or one of its attributes does not follow its RFC. The {@link Reason}
 * lets signaling pick its error code; the message says what to fix, for the user and the logs.
 * Checked and without stack trace, like {@link MalformedSdpException}.
 */
public final class UnacceptableOfferException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why the offer cannot be answered. */
    public enum Reason {
        /** An attribute the SFU reads does not follow its grammar (rtpmap, extmap, rid, ice-pwd...). */
        MALFORMED_ATTRIBUTE,
        /** An m-section has no {@code a=mid}, or shares it with another. */
        INVALID_MID,
        /** No {@code a=group:BUNDLE}: the SFU serves a participant on a single transport. */
        NO_BUNDLE,
        /** The BUNDLE group names a mid no enabled m-section has. */
        INVALID_BUNDLE,
        /** An audio or video m-section in the BUNDLE group lacks {@code a=rtcp-mux}. */
        NO_RTCP_MUX,
        /** No {@code a=ice-ufrag} or {@code a=ice-pwd}, at media or session level. */
        NO_ICE_CREDENTIALS,
        /** No {@code a=fingerprint}, at media or session level. */
        NO_FINGERPRINT,
        /** Fingerprints only in algorithms other than sha-256. */
        UNSUPPORTED_FINGERPRINT_ALGORITHM,
        /**
         * {@code a=setup:passive} or {@code holdconn}: the SFU is always the DTLS server, so the
         * browser must be able to be the client.
         */
        UNSUPPORTED_SETUP_ROLE,
        /** The m-section carrying the BUNDLE transport (the first mid of the group) offers nothing the SFU accepts. */
        BUNDLE_TAG_REJECTED
    }

    private final Reason reason;

    UnacceptableOfferException(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** An attribute value that does not follow its grammar, quoted and cut short in the message. */
    static UnacceptableOfferException malformed(String attribute, String value, String expected) {
        return new UnacceptableOfferException(Reason.MALFORMED_ATTRIBUTE,
                "a=" + attribute + " is '" + expected + "', got " + SdpLine.quoted(value));
    }

    /** The same problem, its message prefixed with where it was found. */
    UnacceptableOfferException in(String place) {
        return new UnacceptableOfferException(reason, place + ": " + getMessage());
    }
}
