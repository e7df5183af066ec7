package org.telehealth.scheduling.appointment.repository;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Where a visit stands. The active ones hold the doctor's time (the database's exclusion constraint
 * covers exactly these); the others are history.
 */
public enum AppointmentStatus {
    SCHEDULED, WAITING, IN_PROGRESS, COMPLETED, CANCELLED, NO_SHOW;

    public static final Set<AppointmentStatus> ACTIVE = EnumSet.of(SCHEDULED, WAITING, IN_PROGRESS);

    /** How people read it: "in progress", "no show". */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    public boolean isActive() {
        return ACTIVE.contains(this);
    }
}
