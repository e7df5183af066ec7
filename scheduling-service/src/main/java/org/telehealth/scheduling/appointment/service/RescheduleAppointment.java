package org.telehealth.scheduling.appointment.service;

import java.time.Instant;

/** A request to move a visit to a new start and length. */
public record RescheduleAppointment(Instant startsAt, int durationMinutes) {
}
