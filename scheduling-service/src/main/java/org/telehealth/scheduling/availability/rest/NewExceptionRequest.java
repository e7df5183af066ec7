package org.telehealth.scheduling.availability.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** Days off (inclusive, the doctor's local dates), e.g. a holiday. */
public record NewExceptionRequest(@NotNull LocalDate firstDay, @NotNull LocalDate lastDay, @Size(max = 200) String reason) {
}
