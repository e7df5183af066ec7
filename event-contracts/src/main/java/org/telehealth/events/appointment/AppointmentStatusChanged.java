package org.telehealth.events.appointment;

import java.util.Objects;
import java.util.UUID;
import org.telehealth.events.EventType;

/**
 * A visit's status moved as the visit happened (WAITING, IN_PROGRESS, COMPLETED, NO_SHOW). Topic
 * {@code telehealth.appointments}, key: appointment id. The portal shows it live.
 */
@EventType(name = "appointment.status-changed", version = 1)
public record AppointmentStatusChanged(UUID appointmentId, String doctorId, String previousStatus, String status) {

    public AppointmentStatusChanged {
        Objects.requireNonNull(appointmentId, "appointmentId");
        Objects.requireNonNull(doctorId, "doctorId");
        Objects.requireNonNull(previousStatus, "previousStatus");
        Objects.requireNonNull(status, "status");
    }
}
