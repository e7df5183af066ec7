package org.telehealth.recording.lifecycle.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.UUID;

/** Recordings with their participants and consent decisions. Every method needs the caller's session. */
@ApplicationScoped
public class RecordingRepository implements PanacheRepositoryBase<Recording, UUID> {

    /** The recording, its row locked until the transaction ends (events and the capture supervisor change it). */
    public Uni<Recording> findForUpdate(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The recordings of a visit waiting for consent or running, locked. */
    public Uni<List<Recording>> activeOfVisitForUpdate(UUID visitId) {
        return find("visitId = ?1 and status in ?2", visitId, List.of(RecordingStatus.AWAITING_CONSENT, RecordingStatus.RECORDING))
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    public Uni<List<Recording>> ofVisit(UUID visitId) {
        return list("visitId = ?1 order by requestedAt, id", visitId);
    }

    /** Recordings this node is capturing (or was, before it crashed). */
    public Uni<List<Recording>> runningOn(String node) {
        return list("status = ?1 and captureNode = ?2", RecordingStatus.RECORDING, node);
    }

    public Uni<List<RecordingParticipant>> participantsOf(UUID recordingId) {
        return RecordingParticipant.list("recordingId = ?1 order by participantId", recordingId);
    }

    /** Participants of several recordings, for listing a visit's recordings in one query. */
    public Uni<List<RecordingParticipant>> participantsOf(List<UUID> recordingIds) {
        return recordingIds.isEmpty() ? Uni.createFrom().item(List.of())
                : RecordingParticipant.list("recordingId in ?1 order by recordingId, participantId", recordingIds);
    }

    /** Consent decisions in the order they were received. */
    public Uni<List<ConsentRecord>> consentsOf(UUID recordingId) {
        return ConsentRecord.list("recordingId = ?1 order by id", recordingId);
    }

    public Uni<List<ConsentRecord>> consentsOf(List<UUID> recordingIds) {
        return recordingIds.isEmpty() ? Uni.createFrom().item(List.of())
                : ConsentRecord.list("recordingId in ?1 order by id", recordingIds);
    }
}
