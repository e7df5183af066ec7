package org.telehealth.events.appointment;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.telehealth.events.EventType;

/**
 * A visit moved to a new time. Topic {@code telehealth.appointments}, key: appointment id. The link
 * generation went up: links issued before are dead, and signaling refuses them from now on.
 * Consumers rebuild their view of the visit from it, so it carries everything
 * {@link AppointmentScheduled} does, {@code patientAccountId} included (optional the same way: absent
 * reads as {@code null}, no account known).
 */
@EventType(name = "appointment.rescheduled", version = 1)
public record AppointmentRescheduled(UUID appointmentId, String doctorId, UUID patientId, Instant startsAt, Instant endsAt,
        int linkGeneration, String patientAccountId) {

    public AppointmentRescheduled {
        Objects.requireNonNull(appointmentId, "appointmentId");
        Objects.requireNonNull(doctorId, "doctorId");
        Objects.requireNonNull(patientId, "patientId");
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(endsAt, "endsAt");
    }

    /** A new time for a patient without an account, as written before {@code patientAccountId} existed. */
    public AppointmentRescheduled(UUID appointmentId, String doctorId, UUID patientId, Instant startsAt, Instant endsAt,
            int linkGeneration) {
        this(appointmentId, doctorId, patientId, startsAt, endsAt, linkGeneration, null);
    }
}
