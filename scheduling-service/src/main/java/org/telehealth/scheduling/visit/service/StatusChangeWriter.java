package org.telehealth.scheduling.visit.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.telehealth.events.EventEnvelope;
import org.telehealth.events.Topics;
import org.telehealth.events.appointment.AppointmentStatusChanged;
import org.telehealth.scheduling.appointment.repository.Appointment;
import org.telehealth.scheduling.appointment.repository.AppointmentRepository;
import org.telehealth.scheduling.appointment.repository.AppointmentStatus;
import org.telehealth.scheduling.outbox.OutboxWriter;

/**
 * Moves an appointment to a new status as the visit happens, and records
 * {@code appointment.status-changed} in the outbox, in the caller's transaction: the event exists if
 * and only if the change was committed. The flush checks the appointment's version, so a concurrent
 * edit (a doctor cancelling at that moment) fails the transaction instead of being overwritten.
 */
@ApplicationScoped
public class StatusChangeWriter {

    private final AppointmentRepository appointments;
    private final OutboxWriter outbox;

    public StatusChangeWriter(AppointmentRepository appointments, OutboxWriter outbox) {
        this.appointments = appointments;
        this.outbox = outbox;
    }

    /** Sets {@code appointment}, managed by the current session, to {@code next}. */
    public Uni<Void> moveTo(Appointment appointment, AppointmentStatus next, Instant now) {
        AppointmentStatus previous = appointment.status;
        appointment.status = next;
        appointment.updatedAt = now;
        return appointments.flush()
                .chain(() -> outbox.append(Topics.APPOINTMENTS, appointment.id.toString(), EventEnvelope.of(
                        new AppointmentStatusChanged(appointment.id, appointment.doctorId, previous.name(), next.name()),
                        now)));
    }
}
