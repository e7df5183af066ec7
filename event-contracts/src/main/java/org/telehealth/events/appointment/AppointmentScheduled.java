package org.telehealth.events.appointment;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.telehealth.events.EventType;

/**
 * A visit was booked. Topic {@code telehealth.appointments}, key: appointment id. Signaling learns
 * the visit and the current join-link generation from it; ids only, no patient details (PHI).
 */
@EventType(name = "appointment.scheduled", version = 1)
public record AppointmentScheduled(UUID appointmentId, String doctorId, UUID patientId, Instant startsAt, Instant endsAt,
        int linkGeneration) {

    public AppointmentScheduled {
        Objects.requireNonNull(appointmentId, "appointmentId");
        Objects.requireNonNull(doctorId, "doctorId");
        Objects.requireNonNull(patientId, "patientId");
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(endsAt, "endsAt");
    }
}
