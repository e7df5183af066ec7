package org.telehealth.scheduling.appointment.rest;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.telehealth.scheduling.appointment.repository.Appointment;
import org.telehealth.scheduling.appointment.service.AppointmentDetails;

/** An appointment as the API shows it: times in UTC (ISO-8601), the viewer's page shows them in their zone. */
public record AppointmentView(UUID id, String doctorId, UUID patientId, String patientName, Instant startsAt, Instant endsAt,
        long durationMinutes, String reason, String status) {

    static AppointmentView of(AppointmentDetails details) {
        Appointment a = details.appointment();
        return new AppointmentView(a.id, a.doctorId, a.patientId, details.patientName(), a.startsAt, a.endsAt,
                Duration.between(a.startsAt, a.endsAt).toMinutes(), a.reason, a.status.name());
    }
}
