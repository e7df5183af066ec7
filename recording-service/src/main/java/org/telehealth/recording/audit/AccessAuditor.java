package org.telehealth.recording.audit;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.UUID;
import org.telehealth.recording.identity.Caller;

/**
 * Writes one row of the access audit in the caller's transaction: who (user id and roles), did what
 * to which recording or visit, from where, and what they got. Callers write it before serving
 * anything, so that an access that could not be audited does not happen.
 */
@ApplicationScoped
public class AccessAuditor {

    private final Clock clock;

    public AccessAuditor(Clock clock) {
        this.clock = clock;
    }

    /** Appends the row. Needs the caller's transaction. */
    public Uni<Void> record(Caller caller, AuditAction action, UUID recordingId, UUID visitId, AuditOutcome outcome,
            Integer httpStatus, String remoteAddress, String detail) {
        AccessAudit row = new AccessAudit();
        row.at = clock.instant();
        row.actorId = caller.userId();
        row.actorRoles = caller.platformRoles();
        row.action = action;
        row.recordingId = recordingId;
        row.visitId = visitId;
        row.outcome = outcome;
        row.httpStatus = httpStatus;
        row.remoteAddress = remoteAddress;
        row.detail = detail == null || detail.length() <= 200 ? detail : detail.substring(0, 200);
        return row.persist().replaceWithVoid();
    }
}
