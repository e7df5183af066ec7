package org.telehealth.scheduling.visit.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.telehealth.events.visit.VisitEvent;
import org.telehealth.scheduling.appointment.repository.AppointmentRepository;
import org.telehealth.scheduling.visit.repository.ProcessedVisitEventRepository;

/**
 * Applies one visit event from signaling to its appointment (see {@link VisitStatusRules}), at most
 * once per event id: the id is recorded in the same transaction as the status change and its outbox
 * event, so a redelivery after a crash or a rebalance finds it and changes nothing.
 */
@ApplicationScoped
public class VisitEventService {

    private final ProcessedVisitEventRepository processed;
    private final AppointmentRepository appointments;
    private final StatusChangeWriter statusChanges;
    private final Clock clock;

    public VisitEventService(ProcessedVisitEventRepository processed, AppointmentRepository appointments,
            StatusChangeWriter statusChanges, Clock clock) {
        this.processed = processed;
        this.appointments = appointments;
        this.statusChanges = statusChanges;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<VisitEventOutcome> apply(UUID eventId, VisitEvent event) {
        return processed.recordFirst(eventId).chain(first -> {
            if (!first) {
                return Uni.createFrom().item(VisitEventOutcome.DUPLICATE);
            }
            return appointments.findById(event.visitId()).chain(appointment -> {
                if (appointment == null) {
                    return Uni.createFrom().item(VisitEventOutcome.UNKNOWN_VISIT);
                }
                return VisitStatusRules.next(appointment, event)
                        .map(next -> statusChanges.moveTo(appointment, next, clock.instant())
                                .replaceWith(VisitEventOutcome.APPLIED))
                        .orElseGet(() -> Uni.createFrom().item(VisitEventOutcome.UNCHANGED));
            });
        });
    }

    /** Forgets the ids of events handled before {@code cutoff}; returns how many. */
    @WithTransaction
    public Uni<Integer> forgetHandledBefore(Instant cutoff) {
        return processed.deleteRecordedBefore(cutoff);
    }
}
