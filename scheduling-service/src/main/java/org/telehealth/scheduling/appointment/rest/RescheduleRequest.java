package org.telehealth.scheduling.appointment.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/** Body of a reschedule: the new start and length. */
public record RescheduleRequest(@NotNull Instant startsAt, @Min(5) @Max(240) int durationMinutes) {
}
