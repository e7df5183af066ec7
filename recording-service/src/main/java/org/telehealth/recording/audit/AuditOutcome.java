package org.telehealth.recording.audit;

/** What an access got (column {@code access_audit.outcome}). */
public enum AuditOutcome {
    /** Allowed and served. */
    GRANTED,
    /** The caller's role may not do this at all (403). */
    FORBIDDEN,
    /** Unknown, or not the caller's (404): the two are logged apart here, never told apart to the caller. */
    NOT_FOUND,
    /** Allowed, but the recording is in no state for it (no content yet, deleted, a range outside it). */
    REFUSED,
    /** Allowed, but the service failed (the storage away, a recording that failed its integrity check). */
    FAILED,
    /** No valid token (401). */
    UNAUTHENTICATED
}
