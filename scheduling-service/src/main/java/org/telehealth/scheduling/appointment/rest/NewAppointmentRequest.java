package org.telehealth.scheduling.appointment.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;

/**
 * Body of a booking. {@code startsAt} is an instant with its offset ({@code 2026-11-23T09:00:00+01:00}
 * or {@code ...Z}); {@code doctorId} is required from admins and implied for doctors.
 */
public record NewAppointmentRequest(
        @Size(max = 64) String doctorId,
        @NotNull UUID patientId,
        @NotNull Instant startsAt,
        @Min(5) @Max(240) int durationMinutes,
        @Size(max = 500) String reason) {
}
