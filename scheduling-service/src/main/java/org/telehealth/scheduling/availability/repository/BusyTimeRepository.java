package org.telehealth.scheduling.availability.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.telehealth.scheduling.availability.BusyRange;

/**
 * When a doctor is already booked, read from the {@code appointment} table with plain SQL: the
 * appointment entity belongs to the appointment feature and may change with it, while availability
 * only needs the time ranges of active appointments.
 */
@ApplicationScoped
@WithSession
public class BusyTimeRepository {

    /** Active statuses: the same as in the no-double-booking constraint of the appointment table. */
    private static final String ACTIVE_OVERLAPPING = """
            select starts_at, ends_at from appointment
            where doctor_id = :doctor
              and status in ('SCHEDULED', 'WAITING', 'IN_PROGRESS')
              and starts_at < :until and ends_at > :since
            order by starts_at
            """;

    /** The doctor's active appointments that overlap [since, until). */
    public Uni<List<BusyRange>> activeAppointments(String doctorId, Instant since, Instant until) {
        return Panache.getSession().chain(session -> session.createNativeQuery(ACTIVE_OVERLAPPING, Object[].class)
                        .setParameter("doctor", doctorId)
                        .setParameter("since", since.atOffset(ZoneOffset.UTC))
                        .setParameter("until", until.atOffset(ZoneOffset.UTC))
                        .getResultList())
                .map(rows -> rows.stream().map(row -> new BusyRange(instant(row[0]), instant(row[1]))).toList());
    }

    private static Instant instant(Object timestamp) {
        if (timestamp instanceof OffsetDateTime offsetDateTime) {
            return offsetDateTime.toInstant();
        }
        if (timestamp instanceof Instant instant) {
            return instant;
        }
        throw new IllegalStateException("unexpected timestamptz mapping: " + timestamp.getClass().getName());
    }
}
