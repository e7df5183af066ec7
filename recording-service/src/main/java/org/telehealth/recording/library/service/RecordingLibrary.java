package org.telehealth.recording.library.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.telehealth.recording.audit.AccessAuditor;
import org.telehealth.recording.audit.AuditAction;
import org.telehealth.recording.audit.AuditOutcome;
import org.telehealth.recording.lifecycle.repository.ConsentRecord;
import org.telehealth.recording.lifecycle.repository.Recording;
import org.telehealth.recording.lifecycle.repository.RecordingParticipant;
import org.telehealth.recording.lifecycle.repository.RecordingRepository;
import org.telehealth.recording.lifecycle.repository.RecordingStatus;
import org.telehealth.recording.problem.ProblemException;

/**
 * The recordings as people reach them through the API: each method decides with
 * {@link RecordingAccess} and writes the access audit row in the same transaction, whatever the
 * answer, before anything is served.
 */
@ApplicationScoped
public class RecordingLibrary {

    private final RecordingRepository recordings;
    private final AccessAuditor audit;
    private final Clock clock;
    private final boolean patientsMayView;

    public RecordingLibrary(RecordingRepository recordings, AccessAuditor audit, Clock clock,
            @ConfigProperty(name = "recording.patients-may-view") boolean patientsMayView) {
        this.recordings = recordings;
        this.audit = audit;
        this.clock = clock;
        this.patientsMayView = patientsMayView;
    }

    /** The recordings of a visit the caller may see; "not found" when there are none. */
    @WithTransaction
    public Uni<Access<List<RecordingDetails>>> listOfVisit(Requester requester, UUID visitId) {
        if (!RecordingAccess.mayUseApi(requester.caller(), patientsMayView)) {
            return refuse(requester, AuditAction.LIST, null, visitId, AuditOutcome.FORBIDDEN, forbidden());
        }
        return recordings.ofVisit(visitId).chain(all -> {
            List<UUID> ids = all.stream().map(r -> r.id).toList();
            return recordings.participantsOf(ids).chain(participants -> {
                Map<UUID, List<RecordingParticipant>> byRecording = participants.stream()
                        .collect(Collectors.groupingBy(p -> p.recordingId));
                List<Recording> visible = all.stream().filter(r -> RecordingAccess.maySee(requester.caller(), r,
                        byRecording.getOrDefault(r.id, List.of()), patientsMayView)).toList();
                if (visible.isEmpty()) {
                    return refuse(requester, AuditAction.LIST, null, visitId, AuditOutcome.NOT_FOUND,
                            ProblemException.notFound("Recordings of visit " + visitId));
                }
                return recordings.consentsOf(visible.stream().map(r -> r.id).toList()).chain(consents -> {
                    Map<UUID, List<ConsentRecord>> consentsByRecording = consents.stream()
                            .collect(Collectors.groupingBy(c -> c.recordingId));
                    List<RecordingDetails> details = visible.stream().map(r -> new RecordingDetails(r,
                            byRecording.getOrDefault(r.id, List.of()), consentsByRecording.getOrDefault(r.id, List.of()))).toList();
                    return audit.record(requester.caller(), AuditAction.LIST, null, visitId, AuditOutcome.GRANTED, 200,
                            requester.remoteAddress(), details.size() + " recording(s)").replaceWith(Access.granted(details));
                });
            });
        });
    }

    /** One recording's record, if the caller may see it. */
    @WithTransaction
    public Uni<Access<RecordingDetails>> view(Requester requester, UUID id) {
        return visible(requester, AuditAction.VIEW, id).chain(access -> {
            if (access.refusal() != null) {
                return Uni.createFrom().item(access);
            }
            Recording recording = access.value().recording();
            return recordings.consentsOf(id).chain(consents -> audit.record(requester.caller(), AuditAction.VIEW, id,
                            recording.visitId, AuditOutcome.GRANTED, 200, requester.remoteAddress(), null)
                    .replaceWith(Access.granted(new RecordingDetails(recording, access.value().participants(), consents))));
        });
    }

    /** Whether and what of a recording's video the caller may play: its content, the range asked for. */
    @WithTransaction
    public Uni<Access<Playback>> play(Requester requester, UUID id, String rangeHeader) {
        return visible(requester, AuditAction.PLAY, id).chain(access -> {
            if (access.refusal() != null) {
                return Uni.createFrom().item(Access.<Playback>refused(access.refusal()));
            }
            Recording recording = access.value().recording();
            if (recording.status == RecordingStatus.DELETED) {
                return refuse(requester, AuditAction.PLAY, id, recording.visitId, AuditOutcome.REFUSED,
                        new ProblemException(410, "Gone", "the recording was deleted"));
            }
            if (recording.status != RecordingStatus.COMPLETED) {
                return refuse(requester, AuditAction.PLAY, id, recording.visitId, AuditOutcome.REFUSED,
                        new ProblemException(409, "No content", "the recording has no content (it is "
                                + recording.status.name().toLowerCase() + ")"));
            }
            RangeRequest range = RangeRequest.parse(rangeHeader, recording.mediaBytes);
            if (range.kind() == RangeRequest.Kind.UNSATISFIABLE) {
                return refuse(requester, AuditAction.PLAY, id, recording.visitId, AuditOutcome.REFUSED,
                        new ProblemException(416, "Range not satisfiable", "the recording has " + recording.mediaBytes + " bytes",
                                Map.of("Content-Range", range.contentRange())));
            }
            int status = range.kind() == RangeRequest.Kind.PARTIAL ? 206 : 200;
            return audit.record(requester.caller(), AuditAction.PLAY, id, recording.visitId, AuditOutcome.GRANTED, status,
                            requester.remoteAddress(), range.contentRange())
                    .replaceWith(Access.granted(new Playback(id, recording.storageKey, recording.chunkIndex, range)));
        });
    }

    /**
     * Whether the caller may delete the recording; the grant is audited here, before the content is
     * deleted. Already deleted: granted again (deleting is idempotent), with nothing left to delete.
     */
    @WithTransaction
    public Uni<Access<Recording>> authorizeDelete(Requester requester, UUID id) {
        return visible(requester, AuditAction.DELETE, id).chain(access -> {
            if (access.refusal() != null) {
                return Uni.createFrom().item(Access.<Recording>refused(access.refusal()));
            }
            Recording recording = access.value().recording();
            if (!RecordingAccess.mayDelete(requester.caller(), recording)) {
                return refuse(requester, AuditAction.DELETE, id, recording.visitId, AuditOutcome.FORBIDDEN,
                        ProblemException.forbidden("only the visit's doctor or an admin may delete a recording"));
            }
            if (recording.status != RecordingStatus.COMPLETED && recording.status != RecordingStatus.DELETED) {
                return refuse(requester, AuditAction.DELETE, id, recording.visitId, AuditOutcome.REFUSED,
                        new ProblemException(409, "No content", "only a completed recording can be deleted (it is "
                                + recording.status.name().toLowerCase() + ")"));
            }
            return audit.record(requester.caller(), AuditAction.DELETE, id, recording.visitId, AuditOutcome.GRANTED, 204,
                    requester.remoteAddress(), recording.status == RecordingStatus.DELETED ? "already deleted" : null)
                    .replaceWith(Access.granted(recording));
        });
    }

    /** Marks a recording whose content is gone as deleted, by whom and when; the record stays. */
    @WithTransaction
    public Uni<Void> markDeleted(UUID id, String deletedBy) {
        return recordings.findForUpdate(id).invoke(recording -> {
            if (recording != null && recording.status == RecordingStatus.COMPLETED) {
                recording.status = RecordingStatus.DELETED;
                recording.deletedAt = clock.instant();
                recording.deletedBy = deletedBy;
                recording.chunkIndex = null;
            }
        }).replaceWithVoid();
    }

    /** Audits an access that was granted but failed in the service (the storage away, a file failing its check). */
    @WithTransaction
    public Uni<Void> failed(Requester requester, AuditAction action, UUID id, int status, String why) {
        return audit.record(requester.caller(), action, id, null, AuditOutcome.FAILED, status, requester.remoteAddress(), why);
    }

    /** The recording and its participants if the caller may see it; a refusal (audited) otherwise. */
    private Uni<Access<RecordingDetails>> visible(Requester requester, AuditAction action, UUID id) {
        if (!RecordingAccess.mayUseApi(requester.caller(), patientsMayView)) {
            return refuse(requester, action, id, null, AuditOutcome.FORBIDDEN, forbidden());
        }
        return recordings.findById(id).chain(recording -> {
            if (recording == null) {
                return refuse(requester, action, id, null, AuditOutcome.NOT_FOUND, ProblemException.notFound("Recording " + id));
            }
            return recordings.participantsOf(id).chain(participants -> RecordingAccess.maySee(requester.caller(), recording,
                    participants, patientsMayView)
                    ? Uni.createFrom().item(Access.granted(new RecordingDetails(recording, participants, List.of())))
                    : refuse(requester, action, id, recording.visitId, AuditOutcome.NOT_FOUND,
                            ProblemException.notFound("Recording " + id)));
        });
    }

    private <T> Uni<Access<T>> refuse(Requester requester, AuditAction action, UUID recordingId, UUID visitId,
            AuditOutcome outcome, ProblemException refusal) {
        return audit.record(requester.caller(), action, recordingId, visitId, outcome, refusal.status(), requester.remoteAddress(),
                refusal.getMessage()).replaceWith(Access.refused(refusal));
    }

    private ProblemException forbidden() {
        return ProblemException.forbidden(patientsMayView ? "recordings are for the visit's doctor, its patient and admins"
                : "recordings are for the visit's doctor and admins");
    }
}
