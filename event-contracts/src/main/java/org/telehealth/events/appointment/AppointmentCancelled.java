package org.telehealth.events.appointment;

import java.util.Objects;
import java.util.UUID;
import org.telehealth.events.EventType;

/**
 * A visit was cancelled. Topic {@code telehealth.appointments}, key: appointment id. Every join
 * link of the visit is dead. The cancellation reason stays in scheduling (it may hold PHI).
 */
@EventType(name = "appointment.cancelled", version = 1)
public record AppointmentCancelled(UUID appointmentId, String doctorId, UUID patientId, int linkGeneration) {

    public AppointmentCancelled {
        Objects.requireNonNull(appointmentId, "appointmentId");
        Objects.requireNonNull(doctorId, "doctorId");
        Objects.requireNonNull(patientId, "patientId");
    }
}
