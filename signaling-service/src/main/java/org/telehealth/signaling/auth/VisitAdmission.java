package org.telehealth.signaling.auth;

import static org.telehealth.signaling.protocol.ErrorCode.FORBIDDEN;
import static org.telehealth.signaling.protocol.ErrorCode.LINK_SUPERSEDED;
import static org.telehealth.signaling.protocol.ErrorCode.VISIT_CANCELLED;
import static org.telehealth.signaling.protocol.ErrorCode.VISIT_ENDED;
import static org.telehealth.signaling.protocol.ErrorCode.VISIT_UNKNOWN;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.telehealth.events.visit.ParticipantRole;
import org.telehealth.signaling.protocol.SignalingException;
import org.telehealth.signaling.visit.Visit;
import org.telehealth.signaling.visit.VisitDirectory;

/**
 * Decides whether a verified caller may join a visit, and as whom. The appointment's doctor and
 * admins host (role {@code doctor}); a patient joins with the visit's current join link only, and a
 * guest the doctor invited with a guest link of the same generation (role {@code guest}), since
 * signaling cannot map a patient's Keycloak account to the appointment's patient record yet. Nobody
 * joins a cancelled visit, nor one the directory knows is over (while the visit's room is there, the
 * room itself refuses joins once a host ended it).
 */
@ApplicationScoped
public class VisitAdmission {

    static final String DOCTOR = "doctor";
    static final String ADMIN = "admin";

    private final VisitDirectory directory;

    public VisitAdmission(VisitDirectory directory) {
        this.directory = directory;
    }

    /** The participant a caller becomes in this visit, or a refusal. */
    public Grant admit(Caller caller, UUID visitId) {
        if (caller instanceof Caller.LinkHolder link && !link.visitId().equals(visitId)) {
            throw new SignalingException(FORBIDDEN, "this join link is for another visit");
        }
        Visit visit = directory.find(visitId)
                .orElseThrow(() -> new SignalingException(VISIT_UNKNOWN, "no such visit is known"));
        if (visit.cancelled()) {
            throw new SignalingException(VISIT_CANCELLED, "this visit was cancelled");
        }
        if (visit.ended()) {
            throw new SignalingException(VISIT_ENDED, "this visit has ended");
        }
        return caller instanceof Caller.LinkHolder link ? linkHolder(link, visit) : staffUser((Caller.StaffUser) caller, visit);
    }

    private static Grant linkHolder(Caller.LinkHolder link, Visit visit) {
        if (link.linkGeneration() < visit.linkGeneration()) {
            throw new SignalingException(LINK_SUPERSEDED, "this join link was replaced by a newer one");
        }
        if (link.guest()) {
            // one invitation, one guest: the link's own id, never the patient's
            if (link.participantId().equals(visit.patientId())) {
                throw new SignalingException(FORBIDDEN, "this guest link names the visit's patient");
            }
            return new Grant(link.participantId().toString(), ParticipantRole.GUEST);
        }
        if (!link.participantId().equals(visit.patientId())) {
            throw new SignalingException(FORBIDDEN, "this join link is not for this visit's patient");
        }
        return new Grant(link.participantId().toString(), ParticipantRole.PATIENT);
    }

    private static Grant staffUser(Caller.StaffUser user, Visit visit) {
        if (user.hasRole(ADMIN) || (user.hasRole(DOCTOR) && user.userId().equals(visit.doctorId()))) {
            return new Grant(user.userId(), ParticipantRole.DOCTOR);
        }
        throw new SignalingException(FORBIDDEN, user.hasRole(DOCTOR)
                ? "this visit is another doctor's"
                : "patients join with the link of their invitation");
    }

    /** Who the caller is in the visit. */
    public record Grant(String participantId, ParticipantRole role) {
    }
}
