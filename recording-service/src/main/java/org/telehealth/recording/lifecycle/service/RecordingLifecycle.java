package org.telehealth.recording.lifecycle.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import org.telehealth.events.recording.ConsentDecision;
import org.telehealth.events.recording.RecordingCompleted;
import org.telehealth.events.recording.RecordingConsentRecorded;
import org.telehealth.events.recording.RecordingFailed;
import org.telehealth.events.recording.RecordingRequested;
import org.telehealth.events.recording.RecordingStarted;
import org.telehealth.events.recording.RecordingStopRequested;
import org.telehealth.events.visit.VisitEnded;
import org.telehealth.recording.consent.CapturePermit;
import org.telehealth.recording.consent.ConsentGate;
import org.telehealth.recording.encryption.RecordingVerifier;
import org.telehealth.recording.lifecycle.repository.ConsentRecord;
import org.telehealth.recording.lifecycle.repository.EndedVisitRepository;
import org.telehealth.recording.lifecycle.repository.ProcessedEventRepository;
import org.telehealth.recording.lifecycle.repository.Recording;
import org.telehealth.recording.lifecycle.repository.RecordingParticipant;
import org.telehealth.recording.lifecycle.repository.RecordingRepository;
import org.telehealth.recording.lifecycle.repository.RecordingStatus;
import org.telehealth.recording.outbox.OutboxWriter;
import org.telehealth.recording.session.CaptureConfig;

/**
 * The life of a recording in the database, one transaction per step: requested, each consent
 * decision stored, capture claimed once the {@link ConsentGate} permits it, stops, the visit's end,
 * and the capture side's outcomes. Events are applied at most once (their ids are recorded in the
 * same transaction), and every outcome signaling must hear of goes into the outbox in the same
 * transaction as the change. Rows are locked while they change, so events and this instance's
 * capture supervisor never overwrite each other.
 */
@ApplicationScoped
public class RecordingLifecycle {

    private static final Logger LOG = Logger.getLogger(RecordingLifecycle.class);
    private static final String STOP_REASON_VISIT_ENDED = "visit-ended";

    private final RecordingRepository recordings;
    private final ProcessedEventRepository processed;
    private final EndedVisitRepository endedVisits;
    private final OutboxWriter outbox;
    private final Clock clock;
    private final String node;

    public RecordingLifecycle(RecordingRepository recordings, ProcessedEventRepository processed,
            EndedVisitRepository endedVisits, OutboxWriter outbox, Clock clock, CaptureConfig capture) {
        this.recordings = recordings;
        this.processed = processed;
        this.endedVisits = endedVisits;
        this.outbox = outbox;
        this.clock = clock;
        this.node = capture.nodeId();
    }

    /** signaling asked to record: the recording waits for consent, or is refused at once. */
    @WithTransaction
    public Uni<LifecycleResult> request(UUID eventId, RecordingRequested request) {
        return once(eventId, () -> recordings.findById(request.recordingId()).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().item(LifecycleResult.of("already-requested"));
            }
            Optional<String> problem = RecordingRequestRules.problem(request);
            if (problem.isPresent()) {
                LOG.warnf("refused recording request %s of visit %s: it %s", request.recordingId(), request.visitId(), problem.get());
                return outbox.append(new RecordingFailed(request.recordingId(), request.visitId(), RecordingFailed.INVALID_REQUEST,
                        clock.instant())).replaceWith(LifecycleResult.of("invalid"));
            }
            return endedVisits.hasEnded(request.visitId()).chain(ended -> ended
                    ? refuse(request, RecordingStatus.CANCELLED, RecordingFailed.VISIT_ENDED)
                    : recordings.activeOfVisitForUpdate(request.visitId()).chain(active -> active.isEmpty()
                            ? awaitConsent(request)
                            : refuse(request, RecordingStatus.FAILED, RecordingFailed.ALREADY_RECORDING)));
        }));
    }

    /**
     * A participant answered. The decision is stored whatever the recording's state; while it waits
     * for consent a decline ends it and the last acceptance claims it for capture on this instance.
     * While it runs, a decline stops it.
     */
    @WithTransaction
    public Uni<LifecycleResult> consent(UUID eventId, RecordingConsentRecorded decision) {
        return once(eventId, () -> recordings.findForUpdate(decision.recordingId()).chain(recording -> {
            if (recording == null || !recording.visitId.equals(decision.visitId())) {
                return Uni.createFrom().item(LifecycleResult.of("unknown-recording"));
            }
            return recordings.participantsOf(recording.id).chain(participants -> {
                if (participants.stream().noneMatch(p -> p.participantId.equals(decision.participantId()))) {
                    LOG.warnf("ignored a consent decision for recording %s from a participant it did not ask", recording.id);
                    return Uni.createFrom().item(LifecycleResult.of("not-asked"));
                }
                return recordings.consentsOf(recording.id).chain(earlier -> store(eventId, decision)
                        .chain(stored -> afterDecision(recording, participants, append(earlier, stored))));
            });
        }));
    }

    /** signaling asked to stop: a waiting recording ends there, a running one is stopped by its capture node. */
    @WithTransaction
    public Uni<LifecycleResult> stop(UUID eventId, RecordingStopRequested stop) {
        return once(eventId, () -> recordings.findForUpdate(stop.recordingId()).chain(recording -> {
            if (recording == null || !recording.visitId.equals(stop.visitId())) {
                return Uni.createFrom().item(LifecycleResult.of("unknown-recording"));
            }
            if (recording.status == RecordingStatus.AWAITING_CONSENT) {
                boolean declined = RecordingStopRequested.DECLINED.equals(stop.reason());
                return end(recording, declined ? RecordingStatus.DECLINED : RecordingStatus.CANCELLED,
                        declined ? RecordingFailed.DECLINED : RecordingFailed.CANCELLED, truncate(stop.reason()))
                        .replaceWith(LifecycleResult.of(declined ? "declined" : "cancelled"));
            }
            if (recording.status == RecordingStatus.RECORDING) {
                requestStop(recording, truncate(stop.reason()));
                return Uni.createFrom().item(LifecycleResult.stopping("stop-requested", List.of(recording.id)));
            }
            return Uni.createFrom().item(LifecycleResult.of("already-over"));
        }));
    }

    /** The visit ended: its waiting recordings are cancelled, its running ones stopped; later requests are refused. */
    @WithTransaction
    public Uni<LifecycleResult> visitEnded(UUID eventId, VisitEnded ended) {
        return once(eventId, () -> endedVisits.markEnded(ended.visitId(), ended.at())
                .chain(() -> recordings.activeOfVisitForUpdate(ended.visitId()))
                .chain(active -> {
                    List<UUID> stopping = new ArrayList<>();
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (Recording recording : active) {
                        if (recording.status == RecordingStatus.RECORDING) {
                            requestStop(recording, STOP_REASON_VISIT_ENDED);
                            stopping.add(recording.id);
                        } else {
                            chain = chain.chain(() -> end(recording, RecordingStatus.CANCELLED, RecordingFailed.VISIT_ENDED,
                                    STOP_REASON_VISIT_ENDED));
                        }
                    }
                    return chain.replaceWith(LifecycleResult.stopping(stopping.isEmpty() ? "visit-ended" : "stop-requested",
                            stopping));
                }));
    }

    /** Capture runs: signaling may show the recording indicator. */
    @WithTransaction
    public Uni<Void> captureStarted(UUID recordingId, String masterKeyId, String storageKey) {
        return recordings.findForUpdate(recordingId).chain(recording -> {
            if (recording == null || recording.status != RecordingStatus.RECORDING) {
                return Uni.createFrom().voidItem();
            }
            recording.masterKeyId = masterKeyId;
            recording.storageKey = storageKey;
            return outbox.append(new RecordingStarted(recording.id, recording.visitId, recording.startedAt));
        });
    }

    /** Capture could not start, or nothing was captured before it stopped: the recording failed. */
    @WithTransaction
    public Uni<Void> captureFailed(UUID recordingId) {
        return recordings.findForUpdate(recordingId).chain(recording -> recording == null
                || recording.status != RecordingStatus.RECORDING ? Uni.createFrom().voidItem()
                : end(recording, RecordingStatus.FAILED, RecordingFailed.CAPTURE_FAILED, recording.stopReason));
    }

    /**
     * The recording is stored: its record gets what the verification found and the event tells
     * signaling. {@code reason} is the stop reason when no stop was requested; {@code cutShort} says
     * capture ended without a stop (a crash of this service, a capture failure), so the recording is
     * partial even when its file was closed.
     */
    @WithTransaction
    public Uni<Void> completed(UUID recordingId, String storageKey, RecordingVerifier.Verification stored, long storedBytes,
            String reason, boolean cutShort) {
        return recordings.findForUpdate(recordingId).chain(recording -> {
            if (recording == null || recording.status != RecordingStatus.RECORDING) {
                return Uni.createFrom().voidItem();
            }
            Instant ended = recording.stopRequestedAt != null ? recording.stopRequestedAt : clock.instant();
            recording.status = RecordingStatus.COMPLETED;
            recording.stopReason = recording.stopReason != null ? recording.stopReason : reason;
            recording.endedAt = ended;
            if (recording.startedAt == null) {
                recording.startedAt = ended;
            }
            recording.durationMillis = Math.max(0, Duration.between(recording.startedAt, ended).toMillis());
            recording.storageKey = storageKey;
            recording.sizeBytes = storedBytes;
            recording.sha256 = stored.sha256();
            recording.masterKeyId = stored.masterKeyId();
            recording.mediaBytes = stored.index().mediaLength();
            recording.mediaSha256 = stored.mediaSha256();
            recording.chunkIndex = stored.index().encode();
            recording.partial = cutShort || !stored.index().complete();
            return outbox.append(new RecordingCompleted(recording.id, recording.visitId, recording.startedAt, ended,
                    recording.durationMillis, storedBytes, recording.sha256, recording.partial, recording.stopReason));
        });
    }

    /** Recordings this instance is capturing, or was when it last stopped. */
    @WithSession
    public Uni<List<Recording>> runningHere() {
        return recordings.runningOn(node);
    }

    /** Forgets handled event ids older than {@code cutoff}. */
    @WithTransaction
    public Uni<Integer> forgetEventsBefore(Instant cutoff) {
        return processed.deleteRecordedBefore(cutoff);
    }

    private Uni<LifecycleResult> once(UUID eventId, Supplier<Uni<LifecycleResult>> apply) {
        return processed.recordFirst(eventId).chain(first -> first ? apply.get() : Uni.createFrom().item(LifecycleResult.of("duplicate")));
    }

    private Uni<LifecycleResult> awaitConsent(RecordingRequested request) {
        Recording recording = new Recording();
        recording.id = request.recordingId();
        recording.visitId = request.visitId();
        recording.doctorId = request.requestedBy();
        recording.status = RecordingStatus.AWAITING_CONSENT;
        recording.requestedAt = request.at();
        recording.mediaControlUrl = request.mediaControlUrl();
        return recording.persist().chain(() -> persistParticipants(request)).replaceWith(LifecycleResult.of("requested"));
    }

    private Uni<LifecycleResult> refuse(RecordingRequested request, RecordingStatus status, String reason) {
        Recording recording = new Recording();
        recording.id = request.recordingId();
        recording.visitId = request.visitId();
        recording.doctorId = request.requestedBy();
        recording.status = status;
        recording.requestedAt = request.at();
        recording.endedAt = clock.instant();
        recording.failureReason = reason;
        return recording.persist().chain(() -> persistParticipants(request))
                .chain(() -> outbox.append(new RecordingFailed(recording.id, recording.visitId, reason, clock.instant())))
                .replaceWith(LifecycleResult.of(reason));
    }

    private Uni<Void> persistParticipants(RecordingRequested request) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (var expected : request.participants()) {
            RecordingParticipant participant = new RecordingParticipant();
            participant.recordingId = request.recordingId();
            participant.participantId = expected.participantId();
            participant.role = expected.role();
            participant.accountId = expected.accountId();
            chain = chain.chain(() -> participant.persist().replaceWithVoid());
        }
        return chain;
    }

    private Uni<ConsentRecord> store(UUID eventId, RecordingConsentRecorded decision) {
        ConsentRecord record = new ConsentRecord();
        record.eventId = eventId;
        record.recordingId = decision.recordingId();
        record.participantId = decision.participantId();
        record.role = decision.role();
        record.decision = decision.decision();
        record.decidedAt = decision.at();
        record.consentTextVersion = truncate(decision.consentTextVersion());
        record.receivedAt = clock.instant();
        return record.persist();
    }

    private Uni<LifecycleResult> afterDecision(Recording recording, List<RecordingParticipant> participants,
            List<ConsentRecord> decisions) {
        List<String> expected = participants.stream().map(p -> p.participantId).toList();
        List<ConsentGate.Decision> answers = decisions.stream()
                .map(d -> new ConsentGate.Decision(d.participantId, d.decision == ConsentDecision.ACCEPTED)).toList();
        ConsentGate.Verdict verdict = ConsentGate.verdict(expected, answers);
        if (recording.status == RecordingStatus.AWAITING_CONSENT) {
            if (verdict == ConsentGate.Verdict.DECLINED) {
                return end(recording, RecordingStatus.DECLINED, RecordingFailed.DECLINED, RecordingStopRequested.DECLINED)
                        .replaceWith(LifecycleResult.of("declined"));
            }
            Optional<CapturePermit> permit = ConsentGate.permit(recording.id, recording.visitId, expected, answers);
            if (permit.isPresent()) {
                recording.status = RecordingStatus.RECORDING;
                recording.captureNode = node;
                recording.startedAt = clock.instant();
                return Uni.createFrom().item(LifecycleResult.starting(permit.get(), recording.mediaControlUrl));
            }
            return Uni.createFrom().item(LifecycleResult.of("awaiting-consent"));
        }
        if (recording.status == RecordingStatus.RECORDING && verdict == ConsentGate.Verdict.DECLINED) {
            requestStop(recording, RecordingStopRequested.DECLINED);
            return Uni.createFrom().item(LifecycleResult.stopping("stop-requested", List.of(recording.id)));
        }
        return Uni.createFrom().item(LifecycleResult.of("recorded"));
    }

    private void requestStop(Recording recording, String reason) {
        if (recording.stopRequestedAt == null) {
            recording.stopRequestedAt = clock.instant();
            recording.stopReason = reason;
        }
    }

    /** Ends a recording that has no content: its status, why, and the failed event for signaling. */
    private Uni<Void> end(Recording recording, RecordingStatus status, String failure, String stopReason) {
        recording.status = status;
        recording.failureReason = failure;
        recording.stopReason = stopReason;
        recording.endedAt = clock.instant();
        return outbox.append(new RecordingFailed(recording.id, recording.visitId, failure, recording.endedAt));
    }

    private static List<ConsentRecord> append(List<ConsentRecord> earlier, ConsentRecord latest) {
        List<ConsentRecord> all = new ArrayList<>(earlier);
        all.add(latest);
        return all;
    }

    private static String truncate(String text) {
        return text.length() <= 64 ? text : text.substring(0, 64);
    }
}
