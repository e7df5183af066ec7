package org.telehealth.recording.lifecycle.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/**
 * Visits signaling reported ended (table {@code ended_visit}). visit.ended and recording requests
 * travel on different topics, so a request can arrive after its visit's end; it is refused then.
 */
@ApplicationScoped
public class EndedVisitRepository {

    /** Remembers that {@code visitId} ended at {@code at}. Needs the caller's transaction. */
    public Uni<Void> markEnded(UUID visitId, Instant at) {
        return Panache.getSession().chain(session -> session
                        .createNativeQuery("insert into ended_visit (visit_id, ended_at) values (:visit, :at) on conflict do nothing")
                        .setParameter("visit", visitId)
                        .setParameter("at", at)
                        .executeUpdate())
                .replaceWithVoid();
    }

    public Uni<Boolean> hasEnded(UUID visitId) {
        return Panache.getSession().chain(session -> session
                        .createNativeQuery("select count(*) from ended_visit where visit_id = :visit", Long.class)
                        .setParameter("visit", visitId)
                        .getSingleResult())
                .map(count -> count > 0);
    }
}
