package org.telehealth.scheduling.visit.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.telehealth.scheduling.appointment.repository.Appointment;
import org.telehealth.scheduling.appointment.repository.AppointmentRepository;
import org.telehealth.scheduling.appointment.repository.AppointmentStatus;

/**
 * Marks visits that never started as NO_SHOW once they ended long enough ago, for when signaling
 * said nothing (the patient never opened the link, the doctor never opened the room). Appointments
 * are locked "for update skip locked" before they are loaded, so instances running the job at once
 * share the work instead of waiting for or repeating each other.
 */
@ApplicationScoped
public class NoShowService {

    private static final String OVERDUE = """
            select id from appointment
            where status in ('SCHEDULED', 'WAITING') and ends_at < :endedBefore
            order by ends_at
            limit :limit
            for update skip locked
            """;

    private final AppointmentRepository appointments;
    private final StatusChangeWriter statusChanges;
    private final Clock clock;

    public NoShowService(AppointmentRepository appointments, StatusChangeWriter statusChanges, Clock clock) {
        this.appointments = appointments;
        this.statusChanges = statusChanges;
        this.clock = clock;
    }

    /** Marks at most {@code limit} visits not started that ended before {@code endedBefore}; returns how many. */
    @WithTransaction
    public Uni<Integer> markBatch(Instant endedBefore, int limit) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(OVERDUE, UUID.class)
                        .setParameter("endedBefore", endedBefore)
                        .setParameter("limit", limit)
                        .getResultList())
                .chain(locked -> locked.isEmpty()
                        ? Uni.createFrom().item(List.<Appointment>of())
                        : appointments.list("id in ?1", locked))
                .chain(this::markAll);
    }

    private Uni<Integer> markAll(List<Appointment> overdue) {
        Instant now = clock.instant();
        Uni<Void> done = Uni.createFrom().voidItem();
        for (Appointment appointment : overdue) {
            done = done.chain(() -> statusChanges.moveTo(appointment, AppointmentStatus.NO_SHOW, now));
        }
        return done.replaceWith(overdue.size());
    }
}
