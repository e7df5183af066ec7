package org.telehealth.recording.audit;

/** What an access to the recordings tried to do (column {@code access_audit.action}). */
public enum AuditAction {
    /** GET /api/visits/{visitId}/recordings */
    LIST,
    /** GET /api/recordings/{id} */
    VIEW,
    /** GET /api/recordings/{id}/content */
    PLAY,
    /** DELETE /api/recordings/{id} */
    DELETE,
    /** The retention policy deleted a recording's content. */
    RETENTION_DELETE,
    /** A request to the API without a valid token; what it asked for is in the detail. */
    UNAUTHENTICATED
}
