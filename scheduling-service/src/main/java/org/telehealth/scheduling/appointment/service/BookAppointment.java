package org.telehealth.scheduling.appointment.service;

import java.time.Instant;
import java.util.UUID;

/** A request to book a visit; {@code doctorId} may be null when a doctor books for themselves. */
public record BookAppointment(String doctorId, UUID patientId, Instant startsAt, int durationMinutes, String reason) {
}
