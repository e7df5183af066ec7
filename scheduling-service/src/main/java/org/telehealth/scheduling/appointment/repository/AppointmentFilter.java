package org.telehealth.scheduling.appointment.repository;

import java.time.Instant;
import java.util.UUID;

/**
 * Which appointments a list shows; null means "any". {@code from}/{@code to} select appointments
 * overlapping that half-open UTC range.
 */
public record AppointmentFilter(String doctorId, UUID patientId, Instant from, Instant to, AppointmentStatus status) {

    public AppointmentFilter forDoctor(String doctor) {
        return new AppointmentFilter(doctor, patientId, from, to, status);
    }

    public AppointmentFilter forPatient(UUID patient) {
        return new AppointmentFilter(doctorId, patient, from, to, status);
    }
}
