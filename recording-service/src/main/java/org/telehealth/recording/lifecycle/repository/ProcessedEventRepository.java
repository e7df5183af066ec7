package org.telehealth.recording.lifecycle.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/**
 * The ids of the events already handled (table {@code processed_event}). Recording an id is an
 * insert that does nothing on conflict, so two deliveries of one event agree on which is first:
 * the second waits for the first's transaction, then sees the id.
 */
@ApplicationScoped
public class ProcessedEventRepository {

    /** Records {@code eventId}; true when it was new. Needs the caller's transaction. */
    public Uni<Boolean> recordFirst(UUID eventId) {
        return Panache.getSession().chain(session -> session
                        .createNativeQuery("insert into processed_event (event_id) values (:id) on conflict do nothing")
                        .setParameter("id", eventId)
                        .executeUpdate())
                .map(inserted -> inserted == 1);
    }

    /** Forgets the ids recorded before {@code cutoff}; returns how many. Needs the caller's transaction. */
    public Uni<Integer> deleteRecordedBefore(Instant cutoff) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("delete from processed_event where processed_at < :cutoff")
                .setParameter("cutoff", cutoff)
                .executeUpdate());
    }
}
