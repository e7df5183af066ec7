package org.telehealth.scheduling.appointment.service;

import java.util.UUID;
import org.telehealth.scheduling.appointment.repository.Appointment;
import org.telehealth.scheduling.identity.Caller;

/**
 * Who may see and change an appointment: an admin any, a doctor their own, a patient their own
 * (read only). Plain rules without I/O, so that a unit test can walk them all; the service asks
 * them after loading the appointment and answers "not found" when the caller may not see it.
 */
final class AppointmentAccess {

    private AppointmentAccess() {
    }

    /** @param callersPatientId the patient record of the caller's account, or null when none */
    static boolean maySee(Caller caller, UUID callersPatientId, Appointment appointment) {
        return caller.isAdmin()
                || (caller.isDoctor() && caller.userId().equals(appointment.doctorId))
                || (caller.isPatient() && callersPatientId != null && callersPatientId.equals(appointment.patientId));
    }

    static boolean mayChange(Caller caller, Appointment appointment) {
        return caller.isAdmin() || (caller.isDoctor() && caller.userId().equals(appointment.doctorId));
    }

    static boolean mayBook(Caller caller) {
        return caller.isAdmin() || caller.isDoctor();
    }
}
