package org.telehealth.signaling.visit;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every visit this instance learned from topic {@code telehealth.appointments}, in memory. Each
 * instance reads the whole topic from the start, so the directory is as complete as the topic's
 * retention (docs/signaling-protocol.md). It also keeps that a visit is over, whether scheduling
 * says so (appointment completed) or a host ended it here or on another instance: the visit's room
 * is evicted some time after the end, and late joins must still be refused. Updates never lower a
 * link generation and never revive a cancelled or ended visit, so redelivered or reordered events
 * cannot reopen a dead link.
 */
@ApplicationScoped
public class VisitDirectory {

    private final Map<UUID, Visit> visits = new ConcurrentHashMap<>();

    public Optional<Visit> find(UUID visitId) {
        return Optional.ofNullable(visits.get(visitId));
    }

    /**
     * A booking or a new time: who and when, with the generation of the links now valid, and the
     * patient's Keycloak account as the latest event names it (null: none known).
     */
    public void scheduled(UUID visitId, String doctorId, UUID patientId, Instant startsAt, Instant endsAt,
            int linkGeneration, String patientAccountId) {
        visits.merge(visitId, new Visit(visitId, doctorId, patientId, linkGeneration, false, false, startsAt, endsAt,
                        patientAccountId),
                (known, update) -> new Visit(visitId, doctorId, patientId,
                        Math.max(known.linkGeneration(), linkGeneration), known.cancelled(), known.ended(), startsAt,
                        endsAt, patientAccountId));
    }

    /** The appointment was cancelled: every link of it is dead from now on. */
    public void cancelled(UUID visitId, String doctorId, UUID patientId, int linkGeneration) {
        visits.merge(visitId, new Visit(visitId, doctorId, patientId, linkGeneration, true, false, null, null),
                (known, update) -> new Visit(visitId, known.doctorId() != null ? known.doctorId() : doctorId,
                        known.patientId() != null ? known.patientId() : patientId,
                        Math.max(known.linkGeneration(), linkGeneration), true, known.ended(), known.startsAt(),
                        known.endsAt(), known.patientAccountId()));
    }

    /**
     * The visit is over: a host ended it (its room says so until it is evicted) or scheduling
     * completed the appointment. A visit not known yet is kept as over, so that its appointment
     * read later cannot open it again.
     */
    public void ended(UUID visitId) {
        visits.compute(visitId, (id, known) -> known == null
                ? new Visit(visitId, null, null, 0, false, true, null, null)
                : known.ended() ? known
                : new Visit(visitId, known.doctorId(), known.patientId(), known.linkGeneration(), known.cancelled(), true,
                        known.startsAt(), known.endsAt(), known.patientAccountId()));
    }

    public int size() {
        return visits.size();
    }
}
