package org.telehealth.scheduling.visit.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/**
 * The ids of the visit events already handled (table {@code visit_event_processed}). Recording an id
 * is an insert that does nothing on conflict, so two deliveries of one event, even on two instances
 * at once, agree on which one is first: the second waits for the first's transaction and then sees
 * the id.
 */
@ApplicationScoped
public class ProcessedVisitEventRepository {

    /** Records {@code eventId}; true when it was new. Needs the caller's transaction. */
    public Uni<Boolean> recordFirst(UUID eventId) {
        return Panache.getSession().chain(session -> session
                        .createNativeQuery("insert into visit_event_processed (event_id) values (:id) on conflict do nothing")
                        .setParameter("id", eventId)
                        .executeUpdate())
                .map(inserted -> inserted == 1);
    }

    /** Forgets the ids recorded before {@code cutoff}; returns how many. Needs the caller's transaction. */
    public Uni<Integer> deleteRecordedBefore(Instant cutoff) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("delete from visit_event_processed where processed_at < :cutoff")
                .setParameter("cutoff", cutoff)
                .executeUpdate());
    }
}
