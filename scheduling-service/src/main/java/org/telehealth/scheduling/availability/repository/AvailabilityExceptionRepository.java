package org.telehealth.scheduling.availability.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.telehealth.scheduling.availability.AvailabilityException;

/** Doctors' exceptions (holidays, leave); every query is scoped to one doctor. */
@ApplicationScoped
@WithSession
public class AvailabilityExceptionRepository implements PanacheRepositoryBase<AvailabilityExceptionEntity, UUID> {

    public Uni<AvailabilityException> add(String doctorId, AvailabilityException exception) {
        return persist(AvailabilityExceptionEntity.of(doctorId, exception)).map(AvailabilityExceptionEntity::toException);
    }

    /** False when no such exception belongs to that doctor, whether it exists for another or not. */
    public Uni<Boolean> remove(String doctorId, UUID exceptionId) {
        return delete("id = ?1 and doctorId = ?2", exceptionId, doctorId).map(deleted -> deleted > 0);
    }

    /** The doctor's exceptions that touch local dates [from, to], by first day. */
    public Uni<List<AvailabilityException>> touching(String doctorId, LocalDate from, LocalDate to) {
        return list("doctorId = ?1 and firstDay <= ?3 and lastDay >= ?2", Sort.by("firstDay").and("id"), doctorId, from, to)
                .map(entities -> entities.stream().map(AvailabilityExceptionEntity::toException).toList());
    }
}
