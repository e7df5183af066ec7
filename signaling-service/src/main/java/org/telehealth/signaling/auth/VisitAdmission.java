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
 * admins host (role {@code doctor}). The visit's patient joins with the visit's current join link,
 * or signed in to Keycloak (realm role {@code patient}) as the account scheduling named for the
 * visit's patient: either way as the same participant, the patient record's id, so that opening
 * the visit both ways resumes one participant instead of making two. A guest the doctor invited
 * joins with a guest link of the same generation (role {@code guest}). Nobody joins a cancelled
 * visit, nor one the directory knows is over (while the visit's room is there, the room itself
 * refuses joins once a host ended it).
 *
 * <p>A Keycloak user who is neither doctor nor admin learns nothing about visits that are not
 * theirs: an unknown visit, another patient's, and one whose patient has no account are refused
 * alike.
 */
@ApplicationScoped
public class VisitAdmission {

    static final String DOCTOR = "doctor";
    static final String ADMIN = "admin";
    static final String PATIENT = "patient";
    static final String NOT_YOURS = "this visit is not one of yours";

    private final VisitDirectory directory;

    public VisitAdmission(VisitDirectory directory) {
        this.directory = directory;
    }

    /** The participant a caller becomes in this visit, or a refusal. */
    public Grant admit(Caller caller, UUID visitId) {
        if (caller instanceof Caller.LinkHolder link) {
            if (!link.visitId().equals(visitId)) {
                throw new SignalingException(FORBIDDEN, "this join link is for another visit");
            }
            return linkHolder(link, joinable(visitId));
        }
        Caller.KeycloakUser user = (Caller.KeycloakUser) caller;
        if (user.hasRole(ADMIN) || user.hasRole(DOCTOR)) {
            return staff(user, joinable(visitId));
        }
        return signedInPatient(user, visitId);
    }

    private Visit joinable(UUID visitId) {
        Visit visit = directory.find(visitId)
                .orElseThrow(() -> new SignalingException(VISIT_UNKNOWN, "no such visit is known"));
        return stillOpen(visit);
    }

    private static Visit stillOpen(Visit visit) {
        if (visit.cancelled()) {
            throw new SignalingException(VISIT_CANCELLED, "this visit was cancelled");
        }
        if (visit.ended()) {
            throw new SignalingException(VISIT_ENDED, "this visit has ended");
        }
        return visit;
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
        return patientOf(visit);
    }

    private static Grant staff(Caller.KeycloakUser user, Visit visit) {
        if (user.hasRole(ADMIN) || user.userId().equals(visit.doctorId())) {
            return new Grant(user.userId(), ParticipantRole.DOCTOR);
        }
        if (isThePatient(user, visit)) {
            return patientOf(visit); // a doctor who is another doctor's patient
        }
        throw new SignalingException(FORBIDDEN, "this visit is another doctor's");
    }

    private Grant signedInPatient(Caller.KeycloakUser user, UUID visitId) {
        Visit visit = directory.find(visitId)
                .filter(known -> isThePatient(user, known))
                .orElseThrow(() -> new SignalingException(FORBIDDEN, NOT_YOURS));
        return patientOf(stillOpen(visit));
    }

    /** Signed in with role patient as the account scheduling named for the visit's patient (none: nobody is). */
    private static boolean isThePatient(Caller.KeycloakUser user, Visit visit) {
        return user.hasRole(PATIENT) && visit.patientAccountId() != null && visit.patientAccountId().equals(user.userId());
    }

    /** The visit's patient, whichever way they came in: one participant id, so a second way in resumes the first. */
    private static Grant patientOf(Visit visit) {
        return new Grant(visit.patientId().toString(), ParticipantRole.PATIENT);
    }

    /** Who the caller is in the visit. */
    public record Grant(String participantId, ParticipantRole role) {
    }
}
