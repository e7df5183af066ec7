package org.telehealth.scheduling.appointment.service;

import org.telehealth.scheduling.appointment.repository.Appointment;

/** An appointment with the patient's name, as the portal and the patient see it. */
public record AppointmentDetails(Appointment appointment, String patientName) {
}
