package org.telehealth.recording.library.service;

import java.util.List;
import org.telehealth.events.visit.ParticipantRole;
import org.telehealth.recording.identity.Caller;
import org.telehealth.recording.lifecycle.repository.Recording;
import org.telehealth.recording.lifecycle.repository.RecordingParticipant;

/**
 * Who may do what with a recording: admins anything; the visit's doctor (the one who requested the
 * recording) list, view, play and delete it; a patient list, view and play the recordings of their
 * own visits, and only when the hospital's policy allows it ({@code recording.patients-may-view}).
 * Plain rules without I/O, walked by a unit test. A caller who may use the API but not see a given
 * recording gets "not found", exactly as for an unknown id.
 */
final class RecordingAccess {

    private RecordingAccess() {
    }

    /** Whether the caller's roles let them use the recordings API at all (else 403, whatever the id). */
    static boolean mayUseApi(Caller caller, boolean patientsMayView) {
        return caller.isAdmin() || caller.isDoctor() || (caller.isPatient() && patientsMayView);
    }

    static boolean maySee(Caller caller, Recording recording, List<RecordingParticipant> participants, boolean patientsMayView) {
        return caller.isAdmin()
                || (caller.isDoctor() && caller.userId().equals(recording.doctorId))
                || (caller.isPatient() && patientsMayView && participants.stream()
                        .anyMatch(p -> p.role == ParticipantRole.PATIENT && caller.userId().equals(p.accountId)));
    }

    /** Deleting is the doctor's and the admins'; a patient who may see a recording may not delete it. */
    static boolean mayDelete(Caller caller, Recording recording) {
        return caller.isAdmin() || (caller.isDoctor() && caller.userId().equals(recording.doctorId));
    }
}
