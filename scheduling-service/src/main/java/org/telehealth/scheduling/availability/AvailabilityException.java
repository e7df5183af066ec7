package org.telehealth.scheduling.availability;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Dates on which a doctor is away whatever the weekly rules say (holidays, leave, a conference):
 * whole local dates in the doctor's zone, first and last day inclusive, as people say them.
 * An exception to the weekly availability, not a Java exception.
 */
public record AvailabilityException(UUID id, LocalDate firstDay, LocalDate lastDay, String reason) {

    public static final int MAX_REASON_LENGTH = 200;

    public AvailabilityException {
        if (id == null) {
            throw new InvalidAvailabilityException("id", "must be set");
        }
        if (firstDay == null) {
            throw new InvalidAvailabilityException("firstDay", "must be a date such as 2026-12-24");
        }
        if (lastDay == null) {
            throw new InvalidAvailabilityException("lastDay", "must be a date such as 2026-12-26");
        }
        if (lastDay.isBefore(firstDay)) {
            throw new InvalidAvailabilityException("lastDay", "must not be before firstDay (" + firstDay + ".." + lastDay + ")");
        }
        if (reason != null && reason.isBlank()) {
            reason = null;
        }
        // Characters as PostgreSQL counts them, so that the column's check never fires first.
        if (reason != null && reason.codePointCount(0, reason.length()) > MAX_REASON_LENGTH) {
            throw new InvalidAvailabilityException("reason", "must be at most " + MAX_REASON_LENGTH + " characters");
        }
    }

    public boolean covers(LocalDate day) {
        return !day.isBefore(firstDay) && !day.isAfter(lastDay);
    }
}
