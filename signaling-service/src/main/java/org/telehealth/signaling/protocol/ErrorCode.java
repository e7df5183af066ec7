package org.telehealth.signaling.protocol;

/**
 * Every error the protocol can report, with its wire code and whether it ends the connection. The
 * close codes (4xxx, application range of RFC 6455) mirror HTTP statuses so that a client can tell
 * "log in again" (4401) from "not your visit" (4403) from "too fast" (4429).
 */
public enum ErrorCode {
    /** The frame is not a JSON object. */
    MALFORMED_JSON("malformed-json", 0),
    /** The {@code type} names no client message of this protocol version. */
    UNKNOWN_TYPE("unknown-type", 0),
    /** A field is missing, extra or of the wrong type or size. */
    INVALID_MESSAGE("invalid-message", 0),
    /** The frame exceeds {@code signaling.max-message-bytes}. */
    MESSAGE_TOO_LARGE("message-too-large", 0),
    /** The sender's role or state does not allow this message (a patient admitting, chat while waiting). */
    NOT_ALLOWED("not-allowed", 0),
    /** {@code admit}/{@code decline} named nobody in the waiting room. */
    UNKNOWN_PARTICIPANT("unknown-participant", 0),
    /** A {@code recording-consent} names no recording request of this visit (or an earlier one). */
    UNKNOWN_RECORDING("unknown-recording", 0),
    /** media-service refused the SDP offer (or it is no SDP at all); nothing changed. */
    INVALID_SDP("invalid-sdp", 0),
    /** No media-service instance could be reached, or the call's media room could not be placed. */
    MEDIA_UNAVAILABLE("media-unavailable", 0),
    /** A message came before {@code hello}, or {@code hello} came twice. */
    HELLO_REQUIRED("hello-required", 4400),
    /** The client speaks a protocol version this server does not. */
    UNSUPPORTED_PROTOCOL("unsupported-protocol", 4400),
    /** No {@code hello} within {@code signaling.hello-timeout}. */
    HELLO_TIMEOUT("hello-timeout", 4408),
    /** Something the check needs is unreachable (scheduling's join-link keys): not the caller's fault, try again. */
    SERVICE_UNAVAILABLE("service-unavailable", 4503),
    /** The token is not valid (signature, issuer, audience, expiry, claims). */
    INVALID_TOKEN("invalid-token", 4401),
    /** The token is valid but does not grant this visit. */
    FORBIDDEN("forbidden", 4403),
    /** The join link was superseded by a newer one (rescheduled visit). */
    LINK_SUPERSEDED("link-superseded", 4403),
    /** Signaling knows no visit with this id (yet). */
    VISIT_UNKNOWN("visit-unknown", 4404),
    /** The appointment was cancelled. */
    VISIT_CANCELLED("visit-cancelled", 4410),
    /** The visit was ended by its doctor. */
    VISIT_ENDED("visit-ended", 4410),
    /** The same participant connected again (a new socket resumed them); this older socket is closed. */
    REPLACED("replaced", 4409),
    /** The connection keeps sending faster than its rate limit. */
    RATE_LIMITED("rate-limited", 4429);

    private final String wire;
    private final int closeCode;

    ErrorCode(String wire, int closeCode) {
        this.wire = wire;
        this.closeCode = closeCode;
    }

    /** The {@code code} of the {@code error} message. */
    public String wire() {
        return wire;
    }

    /** The WebSocket close code that follows the error, or 0 when the connection stays open. */
    public int closeCode() {
        return closeCode;
    }

    public boolean closesConnection() {
        return closeCode != 0;
    }
}
