package org.telehealth.events.appointment;

import org.telehealth.events.EventCatalog;

/** The events of topic {@code telehealth.appointments}, for consumers' catalogs. */
public final class AppointmentEvents {

    public static final EventCatalog CATALOG = EventCatalog.of(AppointmentScheduled.class, AppointmentRescheduled.class,
            AppointmentCancelled.class, AppointmentStatusChanged.class);

    private AppointmentEvents() {
    }
}
