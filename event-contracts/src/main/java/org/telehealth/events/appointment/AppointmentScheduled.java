package org.telehealth.events.appointment;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.telehealth.events.EventType;

/**
 * A visit was booked. Topic {@code telehealth.appointments}, key: appointment id. Signaling learns
 * the visit and the current join-link generation from it; ids only, no patient details (PHI).
 *
 * <p>{@code patientAccountId} joined version 1 as an optional field, which needs no new version (see
 * {@link org.telehealth.events.EventCodec}): its absence reads as {@code null}, "no account known",
 * and a consumer then lets the patient in with the join link only, as it did before the field
 * existed; consumers that predate it ignore it.
 *
 * @param doctorId the doctor's Keycloak user id
 * @param patientId scheduling's patient record id (the patient's participant id in the visit)
 * @param patientAccountId the Keycloak user id the patient signs in as, or {@code null} when they
 *     have no account: an opaque id, not PHI, so that signaling admits the patient's own Keycloak
 *     login to this visit
 */
@EventType(name = "appointment.scheduled", version = 1)
public record AppointmentScheduled(UUID appointmentId, String doctorId, UUID patientId, Instant startsAt, Instant endsAt,
        int linkGeneration, String patientAccountId) {

    public AppointmentScheduled {
        Objects.requireNonNull(appointmentId, "appointmentId");
        Objects.requireNonNull(doctorId, "doctorId");
        Objects.requireNonNull(patientId, "patientId");
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(endsAt, "endsAt");
    }

    /** A booking for a patient without an account, as written before {@code patientAccountId} existed. */
    public AppointmentScheduled(UUID appointmentId, String doctorId, UUID patientId, Instant startsAt, Instant endsAt,
            int linkGeneration) {
        this(appointmentId, doctorId, patientId, startsAt, endsAt, linkGeneration, null);
    }
}
